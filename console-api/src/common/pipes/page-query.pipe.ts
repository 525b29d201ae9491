import { agentIdSchema, pageQuerySchema } from '@nta/contracts';
import { ZodValidationPipe } from './zod-validation.pipe';

/** `?limit=&offset=` of list routes. */
export const PAGE_QUERY_PIPE = new ZodValidationPipe(pageQuerySchema, 'query');

/** The `:id` of host routes: an agent id, else a 400 naming the parameter. */
export const HOST_ID_PIPE = new ZodValidationPipe(agentIdSchema, 'path parameter id');
