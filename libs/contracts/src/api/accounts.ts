import { z } from 'zod';
import type { UserRole } from './auth';

export const USER_ROLES = ['admin', 'viewer'] as const;
const role = z.enum(USER_ROLES);
const password = z.string().min(10, 'must be at least 10 characters').max(1024);

export interface UserSummary {
  createdAt: number;
  id: string;
  lastLoginAt: number | null;
  role: UserRole;
  username: string;
}

/** POST /api/users (admin). */
export const createUserSchema = z.object({
  password,
  role,
  username: z.string().trim().min(1).max(128),
});
export type CreateUserRequest = z.infer<typeof createUserSchema>;

/** PATCH /api/users/:id (admin; a user may change their own password). */
export const updateUserSchema = z
  .object({ password: password.optional(), role: role.optional() })
  .refine((v) => v.password !== undefined || v.role !== undefined, {
    message: 'give password or role',
  });
export type UpdateUserRequest = z.infer<typeof updateUserSchema>;

export const API_TOKEN_SCOPES = ['read', 'read-write'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** POST /api/api-tokens (admin). */
export const createApiTokenSchema = z.object({
  expiresInSeconds: z.number().int().min(60).max(315_360_000).nullable().default(null),
  name: z.string().trim().min(1).max(128),
  scope: z.enum(API_TOKEN_SCOPES),
});
export type CreateApiTokenRequest = z.input<typeof createApiTokenSchema>;

export interface ApiTokenSummary {
  createdAt: number;
  createdBy: string;
  expiresAt: number | null;
  id: string;
  lastUsedAt: number | null;
  name: string;
  // First characters of the secret, so a person can tell tokens apart.
  prefix: string;
  revokedAt: number | null;
  scope: ApiTokenScope;
}

/** The secret is shown once, in this answer only; send it as `Authorization: Bearer <token>`. */
export interface CreatedApiToken extends ApiTokenSummary {
  token: string;
}

/** GET /api/audit (admin): capture, token, user and enrolment actions, newest first. */
export interface AuditEntry {
  action: string;
  actor: string;
  at: number;
  detail: Record<string, unknown>;
  id: string;
  target: string | null;
}

/** GET /api/auth/me */
export interface CurrentUser {
  // 'user' for a login session, 'api-token' for an integration.
  kind: 'api-token' | 'user';
  role: UserRole;
  username: string;
}
