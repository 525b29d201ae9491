import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One enrolled agent: its MQTT username is agentId, its password is kept only as a hash. */
@Entity({ name: 'agent_credentials' })
export class AgentCredentialEntity {
  @PrimaryColumn({ name: 'agent_id', type: 'text' })
  agentId!: string;

  @Column({ name: 'enrolled_at', type: 'timestamptz' })
  enrolledAt!: Date;

  @Column({ type: 'text' })
  hostname!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ name: 'revoked_at', nullable: true, type: 'timestamptz' })
  revokedAt!: Date | null;

  @Column({ name: 'token_id', nullable: true, type: 'uuid' })
  tokenId!: string | null;
}
