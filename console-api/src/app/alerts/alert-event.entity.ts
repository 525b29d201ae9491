import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'alert_events' })
export class AlertEventEntity {
  @Column({ name: 'fired_at', type: 'timestamptz' })
  firedAt!: Date;

  @Column({ type: 'text' })
  host!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  message!: string;

  @Column({ name: 'resolved_at', nullable: true, type: 'timestamptz' })
  resolvedAt!: Date | null;

  @Column({ name: 'rule_id', type: 'uuid' })
  ruleId!: string;

  @Column({ name: 'rule_name', type: 'text' })
  ruleName!: string;

  @Column({ nullable: true, type: 'double precision' })
  value!: number | null;
}
