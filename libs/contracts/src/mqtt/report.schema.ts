import { z } from 'zod';
import { directionSchema, flowRowSchema, qualitySchema, talkersSchema } from './analysis.schema';
import { agentIdSchema, countersSchema } from './common.schema';
import { packetSampleSchema } from './packets.schema';

export { agentIdSchema, countersSchema, type Counters } from './common.schema';

const count = z.number().int().nonnegative();

export const TRANSPORT_NAMES = [
  'tcp',
  'udp',
  'icmp',
  'icmpv6',
  'arp',
  'sctp',
  'gre',
  'esp',
  'other',
] as const;
export type TransportName = (typeof TRANSPORT_NAMES)[number];

export const transportCountersSchema = z.object({
  arp: countersSchema,
  esp: countersSchema,
  gre: countersSchema,
  icmp: countersSchema,
  icmpv6: countersSchema,
  other: countersSchema,
  sctp: countersSchema,
  tcp: countersSchema,
  udp: countersSchema,
});
export type TransportCounters = z.infer<typeof transportCountersSchema>;

/** One second (or one interval) of traffic on one interface of one agent. */
export const statsReportSchema = z
  .object({
    agentId: agentIdSchema,
    // Per application protocol; only protocols seen in the interval appear.
    applications: z.record(z.string().max(32), countersSchema),
    direction: directionSchema,
    // Top flows by bytes; flowsOther holds the rest so outer flows + flowsOther = IP totals.
    flows: z.array(flowRowSchema).max(500),
    flowsOther: countersSchema,
    interface: z.string().min(1).max(64),
    intervalEnd: z.number().int().positive(),
    intervalStart: z.number().int().positive(),
    // Per-agent, strictly increasing: (agentId, seq) identifies a report, so a replay is counted once.
    // Address → name learned in this interval from DNS answers (new or changed only).
    names: z.record(z.string().max(64), z.string().max(255)),
    quality: qualitySchema,
    // A bounded sample of the interval's packets, for the live packet table.
    samples: z.array(packetSampleSchema).max(200),
    seq: z.number().int().nonnegative(),
    talkers: talkersSchema,
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
  const out = {} as TransportCounters;
  for (const name of TRANSPORT_NAMES) out[name] = { bytes: 0, packets: 0 };
  return out;
}

export type ReportMeta = Pick<
  StatsReport,
  'agentId' | 'interface' | 'intervalEnd' | 'intervalStart' | 'seq'
>;

/** A report with every counter at zero: the base the agent fills and tests start from. */
export function emptyStatsReport(meta: ReportMeta): StatsReport {
  const zero = () => ({ bytes: 0, packets: 0 });
  return {
    ...meta,
    applications: {},
    direction: { in: zero(), local: zero(), other: zero(), out: zero() },
    flows: [],
    flowsOther: zero(),
    names: {},
    quality: {
      captured: 0,
      coveragePct: null,
      drops: null,
      flowsActive: 0,
      flowsEvicted: 0,
      interfacePackets: null,
      linkTypes: {},
      publishLagMs: 0,
      queued: 0,
      tunnels: { gre: 0, vxlan: 0 },
      undecodable: 0,
      undecodableReasons: {},
    },
    samples: [],
    talkers: { local: [], localOther: zero(), remote: [], remoteOther: zero() },
    totals: zero(),
    transport: emptyTransportCounters(),
    undecodable: 0,
  };
}
