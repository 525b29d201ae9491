import { z } from 'zod';

/** `?limit=&offset=` on every list route; limit defaults to 50, at most 500. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export interface Page<T> {
  items: T[];
  limit: number;
  offset: number;
  total: number;
}
