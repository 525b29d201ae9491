import { z } from 'zod';

export const loginRequestSchema = z.object({
  password: z.string().min(1).max(1024),
  username: z.string().min(1).max(128),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export interface LoginResponse {
  expiresAt: number;
  token: string;
  user: { role: UserRole; username: string };
}

export type UserRole = 'admin' | 'viewer';
