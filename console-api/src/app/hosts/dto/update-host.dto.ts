import { type UpdateHostRequest, updateHostSchema } from '@nta/contracts';
import { ZodValidationPipe } from '../../../common/pipes/zod-validation.pipe';

export type UpdateHostDto = UpdateHostRequest;

export const UPDATE_HOST_PIPE = new ZodValidationPipe(updateHostSchema.strict(), 'body');
