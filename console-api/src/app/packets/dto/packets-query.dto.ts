import { z } from 'zod';
import { ZodValidationPipe } from '../../../common/pipes/zod-validation.pipe';
import { SAMPLES_PER_INTERFACE } from '../samples.service';

export const PACKETS_QUERY_SCHEMA = z.object({
  interface: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(SAMPLES_PER_INTERFACE).default(100),
});
export type PacketsQueryDto = z.output<typeof PACKETS_QUERY_SCHEMA>;

export const PACKETS_QUERY_PIPE = new ZodValidationPipe(PACKETS_QUERY_SCHEMA, 'query');
