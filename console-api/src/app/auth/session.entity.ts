import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One login: its id is the JWT's `jti`, so logout can revoke exactly this token. */
@Entity({ name: 'sessions' })
export class SessionEntity {
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'revoked_at', nullable: true, type: 'timestamptz' })
  revokedAt!: Date | null;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;
}
