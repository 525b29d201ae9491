import { type TimeseriesQuery, timeseriesQuerySchema } from '@nta/contracts';
import { ZodValidationPipe } from '../../../common/pipes/zod-validation.pipe';

export type TimeseriesQueryDto = TimeseriesQuery;

export const TIMESERIES_QUERY_PIPE = new ZodValidationPipe(timeseriesQuerySchema, 'query');
