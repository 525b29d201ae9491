import type { PacketSample } from '@nta/contracts';

// Belongs in @nta/contracts (api/) for the web app; declared here until the lead moves it.
/** One sampled packet with the report it came in. */
export interface SampleRow extends PacketSample {
  interface: string;
  seq: number;
}

/** GET /api/hosts/:id/packets: the latest sampled packets, newest first. */
export interface HostPacketsResponse {
  host: string;
  interface: string | null;
  packets: SampleRow[];
}
