import { z } from 'zod';
import { ZodValidationPipe } from '../../../common/pipes/zod-validation.pipe';

export const legacyHostQuerySchema = z.object({ host: z.string().min(1).max(64).optional() });
export type LegacyHostQueryDto = z.infer<typeof legacyHostQuerySchema>;

export const LEGACY_HOST_QUERY_PIPE = new ZodValidationPipe(legacyHostQuerySchema, 'query');
