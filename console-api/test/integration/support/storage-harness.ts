import { Test } from '@nestjs/testing';
import { emptyStatsReport, type StatsReport } from '@nta/contracts';
import { ReportsService } from '../../../src/app/hosts/reports.service';
import { MinuteRollup } from '../../../src/app/storage/minute-rollup';
import { PartitionService } from '../../../src/app/storage/partition.service';
import { RetentionService } from '../../../src/app/storage/retention.service';
import { RollupStateService } from '../../../src/app/storage/rollup-state.service';
import { RollupService } from '../../../src/app/storage/rollup.service';
import { SourceService } from '../../../src/app/storage/source.service';
import { StorageMetrics } from '../../../src/app/storage/storage-metrics';
import { StorageModule } from '../../../src/app/storage/storage.module';
import { ConfigModule } from '../../../src/infra/config/config.module';
import { loadConfig } from '../../../src/infra/config/console-config';
import { DatabaseModule } from '../../../src/infra/database/database.module';
import { DatabaseService } from '../../../src/infra/database/database.service';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface StorageHarness {
  close(): Promise<void>;
  db: TestDatabase;
  // What ingest would feed with each committed report (the harness has no ingest).
  metrics: StorageMetrics;
  minutes: MinuteRollup;
  partitions: PartitionService;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  reports: ReportsService;
  retention: RetentionService;
  rollup: RollupService;
  sources: SourceService;
  state: RollupStateService;
}

/**
 * The storage services (partitions, rollup, retention, sources) and ReportsService over a fresh
 * migrated Postgres database, without HTTP or MQTT; the schedule is left off (tests drive it).
 */
export async function startStorage(env: Record<string, string> = {}): Promise<StorageHarness> {
  const db = await createTestDatabase();
  const config = loadConfig({ DATABASE_URL: db.url, NTA_LOG_LEVEL: 'error', ...env });
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(config), DatabaseModule, StorageModule],
  }).compile();
  moduleRef.useLogger(false);
  const database = moduleRef.get(DatabaseService);
  if (!(await database.start())) throw new Error('test database did not come up');
  const partitions = moduleRef.get(PartitionService);
  const sources = moduleRef.get(SourceService);
  return {
    close: async () => {
      await moduleRef.close();
      await db.drop();
    },
    db,
    metrics: moduleRef.get(StorageMetrics),
    minutes: moduleRef.get(MinuteRollup),
    partitions,
    query: <T>(sql: string, params: unknown[] = []) => database.source.query<T[]>(sql, params),
    reports: new ReportsService(database, partitions, sources),
    retention: moduleRef.get(RetentionService),
    rollup: moduleRef.get(RollupService),
    sources,
    state: moduleRef.get(RollupStateService),
  };
}

/**
 * One second of traffic: `flows` TCP flows (flow i carries (i + 1) * 100 bytes A→B and 10 back),
 * as many local and remote talkers, 50 bytes of flowsOther and one DNS answer name.
 */
export function secondReport(
  agentId: string,
  seq: number,
  intervalStart: number,
  flows = 3,
): StatsReport {
  const r = emptyStatsReport({
    agentId,
    interface: 'eth0',
    intervalEnd: intervalStart + 1000,
    intervalStart,
    seq,
  });
  r.flows = Array.from({ length: flows }, (_, i) => ({
    a: '10.0.0.2',
    aPort: 40_000 + ((seq + i) % 7),
    application: i === 0 ? 'tls' : 'http',
    b: `192.0.2.${i + 1}`,
    bPort: 443,
    bytesAtoB: (i + 1) * 100,
    bytesBtoA: 10,
    firstSeen: intervalStart + 10,
    lastSeen: intervalStart + 900,
    packetsAtoB: i + 1,
    packetsBtoA: 1,
    tcpFlags: i === 0 ? 'SA' : 'PA',
    transport: 'tcp',
    tunnel: null,
  }));
  r.flowsOther = { bytes: 50, packets: 1 };
  const flowBytes = r.flows.reduce((t, f) => t + f.bytesAtoB + f.bytesBtoA, 0);
  const flowPackets = r.flows.reduce((t, f) => t + f.packetsAtoB + f.packetsBtoA, 0);
  r.totals = { bytes: flowBytes + 50, packets: flowPackets + 1 };
  r.transport.tcp = { bytes: flowBytes, packets: flowPackets };
  r.transport.udp = { bytes: 50, packets: 1 };
  r.applications = {
    http: { bytes: flowBytes - 110, packets: flowPackets - 2 },
    tls: { bytes: 110, packets: 2 },
  };
  r.direction.out = { bytes: flowBytes - 10 * flows, packets: flowPackets - flows };
  r.direction.in = { bytes: 10 * flows + 50, packets: flows + 1 };
  const talker = (address: string, bytes: number) => ({
    address,
    bytesIn: 10,
    bytesOut: bytes,
    name: null,
    packetsIn: 1,
    packetsOut: 1,
  });
  r.talkers = {
    local: r.flows.map((_, i) => talker(`10.0.0.${(seq % 5) + i + 2}`, (i + 1) * 100)),
    localOther: { bytes: 5, packets: 1 },
    remote: r.flows.map((f) => ({ ...talker(f.b, f.bytesAtoB), name: `host-${f.b}` })),
    remoteOther: { bytes: 7, packets: 1 },
  };
  r.names = { '192.0.2.1': 'one.example' };
  r.quality = { ...r.quality, captured: r.totals.packets, coveragePct: 100, publishLagMs: 5 };
  return r;
}
