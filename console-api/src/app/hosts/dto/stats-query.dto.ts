import { type StatsQuery, statsQuerySchema } from '@nta/contracts';
import { ZodValidationPipe } from '../../../common/pipes/zod-validation.pipe';

export type StatsQueryDto = StatsQuery;

export const STATS_QUERY_PIPE = new ZodValidationPipe(statsQuerySchema, 'query');
