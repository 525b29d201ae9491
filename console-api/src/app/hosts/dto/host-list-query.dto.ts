import { type HostListQuery, hostListQuerySchema } from '@nta/contracts';
import { ZodValidationPipe } from '../../../common/pipes/zod-validation.pipe';

export type HostListQueryDto = HostListQuery;

export const HOST_LIST_QUERY_PIPE = new ZodValidationPipe(hostListQuerySchema, 'query');
