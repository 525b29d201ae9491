import type { CaptureState, InterfaceInfo } from '@nta/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'hosts' })
export class HostEntity {
  @Column({ nullable: true, type: 'jsonb' })
  capture!: CaptureState | null;

  // The latest report's capture coverage (%); null before any report with quality.
  @Column({ name: 'coverage_pct', nullable: true, type: 'double precision' })
  coveragePct!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'display_name', nullable: true, type: 'text' })
  displayName!: string | null;

  @Column({ nullable: true, type: 'text' })
  group!: string | null;

  @Column({ nullable: true, type: 'text' })
  hostname!: string | null;

  // The agent id: one host per agent.
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ default: () => "'[]'::jsonb", type: 'jsonb' })
  interfaces!: InterfaceInfo[];

  @Column({ name: 'interfaces_updated_at', nullable: true, type: 'timestamptz' })
  interfacesUpdatedAt!: Date | null;

  @Column({ array: true, default: () => "'{}'", type: 'text' })
  labels!: string[];

  @Column({ name: 'last_seen', nullable: true, type: 'timestamptz' })
  lastSeen!: Date | null;

  @Column({ default: false, type: 'boolean' })
  online!: boolean;

  @Column({ nullable: true, type: 'text' })
  version!: string | null;
}
