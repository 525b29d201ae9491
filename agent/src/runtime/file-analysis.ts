// Hot path per packet (decode + two accumulators), allocation-free like the live pipeline; the
// report work happens once per interval of the file's own time.
import type { StatsReport } from '@nta/contracts';
import { HostAddresses } from '../aggregate/host-addresses';
import type { StatsAccumulator } from '../aggregate/stats-accumulator';
import { type CaptureFileSummary, readCaptureFile } from '../capture/capture-file';
import type { NativeAvailability } from '../capture/native-binding';
import type { AgentConfig } from '../config/agent-config';
import { decodeAt } from '../decode/frame';
import { FrameInfo } from '../decode/frame-info';
import { createAccumulator } from './create-accumulator';

export interface FileAnalysisOptions {
  agentId: string;
  availability?: () => NativeAvailability;
  config: AgentConfig;
  // The reports' interface name (the file's name).
  interface: string;
  intervalMs: number;
  // Also build one report per interval (for --publish); the whole-file report is always built.
  intervals: boolean;
}

export interface FileAnalysis {
  file: CaptureFileSummary;
  // Per interval of the file's timestamps, oldest first; seq = interval start / interval length,
  // so a second publish of the same file repeats the same (agentId, seq) pairs.
  intervals: StatsReport[];
  // The whole file as one report: totals, transports, applications, top flows and talkers.
  summary: StatsReport;
}

/** Reads the file once and aggregates it by the packets' own timestamps. */
export async function analyzeFile(path: string, opts: FileAnalysisOptions): Promise<FileAnalysis> {
  const { agentId, intervalMs } = opts;
  // A file comes from elsewhere: no address is this machine's, and no PTR queries go out.
  const config: AgentConfig = { ...opts.config, reverseDns: false };
  const noHosts = () => new HostAddresses(() => ({}));
  const whole = createAccumulator(config, 1, noHosts());
  const split: StatsAccumulator | null = opts.intervals
    ? createAccumulator(config, 1, noHosts())
    : null;
  const intervals: StatsReport[] = [];
  const info = new FrameInfo();
  let first = Number.NaN;
  let last = Number.NaN;
  let start = 0;
  // Intervals are aligned to multiples of intervalMs; positive, as reports require.
  const startOf = (ts: number) => Math.max(1, Math.floor(ts / intervalMs) * intervalMs);
  const flush = (intervalEnd: number) => {
    intervals.push(
      split!.flush({
        agentId,
        interface: opts.interface,
        intervalEnd,
        seq: Math.floor(start / intervalMs),
      }),
    );
  };

  const file = await readCaptureFile(
    path,
    (batch) => {
      const { buffer, caplens, count, linkType, offsets, origLens, tsMs } = batch;
      for (let i = 0; i < count; i++) {
        const ts = tsMs[i];
        if (first !== first) {
          first = last = ts;
          start = startOf(ts);
          whole.reset(Math.max(1, Math.floor(ts)));
          split?.reset(start);
        } else if (ts > last) {
          last = ts;
        }
        // A packet past the interval ends it; empty intervals in between are not reported.
        if (split && ts >= start + intervalMs) {
          flush(start + intervalMs);
          start = startOf(ts);
          split.reset(start);
        }
        decodeAt(linkType, buffer, offsets[i], caplens[i], info);
        whole.add(info, buffer, origLens[i], linkType, ts);
        split?.add(info, buffer, origLens[i], linkType, ts);
      }
    },
    { availability: opts.availability, backend: config.captureBackend, filter: config.filter },
  );
  if (split && file.packets > 0) flush(start + intervalMs);
  const empty = file.packets === 0;
  const summary = whole.flush({
    agentId,
    interface: opts.interface,
    intervalEnd: empty ? Date.now() : Math.max(1, Math.ceil(last)),
    seq: 0,
  });
  if (empty) summary.intervalStart = summary.intervalEnd;
  return { file, intervals, summary };
}
