import { z } from 'zod';
import { ZodValidationPipe } from '../../../common/pipes/zod-validation.pipe';
import { rangeQueryObject, resolveRange } from '../../hosts/dto/range-query.dto';

export const DEFAULT_TOP_LIMIT = 50;
export const MAX_TOP_LIMIT = 500;

/** A range plus how many rows to list; the rest is summed into the answer's "others". */
export const TOP_QUERY_SCHEMA = rangeQueryObject
  .extend({
    limit: z.coerce.number().int().min(1).max(MAX_TOP_LIMIT).default(DEFAULT_TOP_LIMIT),
  })
  .transform(resolveRange);
export type TopQueryDto = z.output<typeof TOP_QUERY_SCHEMA>;

export const TOP_QUERY_PIPE = new ZodValidationPipe(TOP_QUERY_SCHEMA, 'query');
