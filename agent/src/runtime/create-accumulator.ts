import type { HostAddresses } from '../aggregate/host-addresses';
import { StatsAccumulator } from '../aggregate/stats-accumulator';
import { NameTable } from '../classify/name-table';
import { ReverseDns } from '../classify/reverse-dns';
import type { AgentConfig } from '../config/agent-config';

const NAME_CAPACITY = 16_384;
const REVERSE_CACHE = 16_384;

/** The analysis stage as configured: flow table size, top-N sizes, samples, names. */
export function createAccumulator(
  config: AgentConfig,
  now = Date.now(),
  // The addresses that count as this host's (direction, local talkers); the machine's own by default.
  hosts?: HostAddresses,
): StatsAccumulator {
  const names = new NameTable(NAME_CAPACITY);
  const reverseDns = config.reverseDns
    ? new ReverseDns({ cacheSize: REVERSE_CACHE, names, perSecond: config.reverseDnsRate })
    : null;
  return new StatsAccumulator(now, {
    flowCapacity: config.maxFlows,
    flowIdleMs: config.flowIdleSeconds * 1000,
    hosts,
    names,
    reverseDns,
    samples: config.samples,
    topFlows: config.topFlows,
    topTalkers: config.topTalkers,
  });
}
