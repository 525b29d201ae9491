import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'audit_log' })
export class AuditEntryEntity {
  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'jsonb' })
  detail!: Record<string, unknown>;

  // int8 comes back from pg as a string, which is what the API sends anyway.
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ nullable: true, type: 'text' })
  target!: string | null;
}
