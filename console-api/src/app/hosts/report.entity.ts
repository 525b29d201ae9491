import type {
  Counters,
  Direction,
  FlowRow,
  Quality,
  Talkers,
  TransportCounters,
} from '@nta/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { BIGINT_TO_NUMBER } from '../../infra/database/bigint.transformer';

@Entity({ name: 'reports' })
@Index('reports_agent_interval_idx', ['agentId', 'intervalStart'])
export class ReportEntity {
  @PrimaryColumn({ name: 'agent_id', type: 'text' })
  agentId!: string;

  @Column({ type: 'jsonb' })
  applications!: Record<string, Counters>;

  @Column({ transformer: BIGINT_TO_NUMBER, type: 'bigint' })
  bytes!: number;

  // Null on rows stored before the agent analysed traffic (as are talkers and quality).
  @Column({ nullable: true, type: 'jsonb' })
  direction!: Direction | null;

  // json, not jsonb, on 1 s rows: see the ReportJsonText migration.
  @Column({ type: 'json' })
  flows!: FlowRow[];

  @Column({ name: 'flows_other', type: 'jsonb' })
  flowsOther!: Counters;

  @Column({ type: 'text' })
  interface!: string;

  @Column({ name: 'interval_end', type: 'timestamptz' })
  intervalEnd!: Date;

  @Column({ name: 'interval_start', type: 'timestamptz' })
  intervalStart!: Date;

  @Column({ transformer: BIGINT_TO_NUMBER, type: 'bigint' })
  packets!: number;

  @Column({ nullable: true, type: 'jsonb' })
  quality!: Quality | null;

  @Column({ default: () => 'now()', name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @PrimaryColumn({ transformer: BIGINT_TO_NUMBER, type: 'bigint' })
  seq!: number;

  @Column({ nullable: true, type: 'json' })
  talkers!: Talkers | null;

  @Column({ type: 'jsonb' })
  transport!: TransportCounters;

  @Column({ transformer: BIGINT_TO_NUMBER, type: 'bigint' })
  undecodable!: number;
}
