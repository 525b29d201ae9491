import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'enrolment_tokens' })
export class EnrolmentTokenEntity {
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'expires_at', nullable: true, type: 'timestamptz' })
  expiresAt!: Date | null;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'max_uses', nullable: true, type: 'integer' })
  maxUses!: number | null;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'revoked_at', nullable: true, type: 'timestamptz' })
  revokedAt!: Date | null;

  // sha256 of the secret: never the secret itself.
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ default: 0, type: 'integer' })
  uses!: number;
}
