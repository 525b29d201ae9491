import type { AlertKind } from '@nta/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'alert_rules' })
export class AlertRuleEntity {
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ default: true, type: 'boolean' })
  enabled!: boolean;

  @Column({ name: 'for_seconds', type: 'integer' })
  forSeconds!: number;

  @Column({ nullable: true, type: 'text' })
  group!: string | null;

  @Column({ nullable: true, type: 'text' })
  host!: string | null;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: AlertKind;

  @Column({ type: 'text' })
  name!: string;

  @Column({ nullable: true, type: 'double precision' })
  threshold!: number | null;

  @Column({ name: 'webhook_url', nullable: true, type: 'text' })
  webhookUrl!: string | null;
}
