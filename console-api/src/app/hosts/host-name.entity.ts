import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An address → name a host's agent learned from DNS answers; the newest answer wins. */
@Entity({ name: 'host_names' })
export class HostNameEntity {
  @PrimaryColumn({ type: 'text' })
  address!: string;

  @PrimaryColumn({ name: 'host_id', type: 'text' })
  hostId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
