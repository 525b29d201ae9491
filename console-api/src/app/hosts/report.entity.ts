import type { TransportCounters } from '@nta/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { BIGINT_TO_NUMBER } from '../../infra/database/bigint.transformer';

@Entity({ name: 'reports' })
@Index('reports_agent_interval_idx', ['agentId', 'intervalStart'])
export class ReportEntity {
  @PrimaryColumn({ name: 'agent_id', type: 'text' })
  agentId!: string;

  @Column({ transformer: BIGINT_TO_NUMBER, type: 'bigint' })
  bytes!: number;

  @Column({ type: 'text' })
  interface!: string;

  @Column({ name: 'interval_end', type: 'timestamptz' })
  intervalEnd!: Date;

  @Column({ name: 'interval_start', type: 'timestamptz' })
  intervalStart!: Date;

  @Column({ transformer: BIGINT_TO_NUMBER, type: 'bigint' })
  packets!: number;

  @Column({ default: () => 'now()', name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @PrimaryColumn({ transformer: BIGINT_TO_NUMBER, type: 'bigint' })
  seq!: number;

  @Column({ type: 'jsonb' })
  transport!: TransportCounters;

  @Column({ transformer: BIGINT_TO_NUMBER, type: 'bigint' })
  undecodable!: number;
}
