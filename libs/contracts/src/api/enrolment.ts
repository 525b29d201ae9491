import { z } from 'zod';

/** POST /api/enrolment-tokens (admin). `maxUses` null = any number of hosts. */
export const createEnrolmentTokenSchema = z.object({
  expiresInSeconds: z.number().int().min(60).max(31_536_000).nullable().default(86_400),
  maxUses: z.number().int().min(1).max(100_000).nullable().default(1),
  name: z.string().trim().min(1).max(128),
});
export type CreateEnrolmentTokenRequest = z.input<typeof createEnrolmentTokenSchema>;

export interface EnrolmentTokenSummary {
  createdAt: number;
  createdBy: string;
  expiresAt: number | null;
  id: string;
  maxUses: number | null;
  name: string;
  revokedAt: number | null;
  state: 'active' | 'expired' | 'revoked' | 'used-up';
  uses: number;
}

/** The secret and the install line are shown once, in this answer only. */
export interface CreatedEnrolmentToken extends EnrolmentTokenSummary {
  // e.g. curl -fsSL http://console:8080/api/install.sh | sudo NTA_TOKEN=… sh
  installCommand: string;
  token: string;
}

/** POST /api/enrol (open; the enrolment token is the credential). */
export const enrolRequestSchema = z.object({
  hostname: z.string().trim().min(1).max(255),
  // Keep the agent id of a re-installed host; otherwise the console derives one from hostname.
  preferredAgentId: z.string().max(64).optional(),
  token: z.string().min(16).max(256),
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

/** Per-agent MQTT credentials; the console keeps only a hash of the password. */
export interface EnrolResponse {
  agentId: string;
  mqtt: { password: string; url: string; username: string };
}

/** GET /api/agents: enrolled agents (one per host) with their credential state. */
export interface EnrolledAgent {
  agentId: string;
  enrolledAt: number;
  hostname: string;
  lastSeen: number | null;
  online: boolean;
  revokedAt: number | null;
  tokenId: string | null;
}
