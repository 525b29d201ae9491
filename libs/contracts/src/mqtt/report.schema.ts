import { z } from 'zod';
import { AGENT_ID_PATTERN } from './topics';

export const agentIdSchema = z.string().regex(AGENT_ID_PATTERN, 'agent id: 1-64 of [A-Za-z0-9._-]');

const count = z.number().int().nonnegative();
export const countersSchema = z.object({ bytes: count, packets: count });
export type Counters = z.infer<typeof countersSchema>;

export const TRANSPORT_NAMES = ['tcp', 'udp', 'icmp', 'icmpv6', 'arp', 'other'] as const;
export type TransportName = (typeof TRANSPORT_NAMES)[number];

export const transportCountersSchema = z.object({
  arp: countersSchema,
  icmp: countersSchema,
  icmpv6: countersSchema,
  other: countersSchema,
  tcp: countersSchema,
  udp: countersSchema,
});
export type TransportCounters = z.infer<typeof transportCountersSchema>;

/** One second (or one interval) of traffic on one interface of one agent. */
export const statsReportSchema = z
  .object({
    agentId: agentIdSchema,
    interface: z.string().min(1).max(64),
    intervalEnd: z.number().int().positive(),
    intervalStart: z.number().int().positive(),
    // Per-agent, strictly increasing: (agentId, seq) identifies a report, so a replay is counted once.
    seq: z.number().int().nonnegative(),
    totals: countersSchema,
    transport: transportCountersSchema,
    undecodable: count,
  })
  .refine((r) => r.intervalEnd >= r.intervalStart, {
    message: 'intervalEnd must not be before intervalStart',
    path: ['intervalEnd'],
  });
export type StatsReport = z.infer<typeof statsReportSchema>;

export function emptyTransportCounters(): TransportCounters {
  return {
    arp: { bytes: 0, packets: 0 },
    icmp: { bytes: 0, packets: 0 },
    icmpv6: { bytes: 0, packets: 0 },
    other: { bytes: 0, packets: 0 },
    tcp: { bytes: 0, packets: 0 },
    udp: { bytes: 0, packets: 0 },
  };
}
