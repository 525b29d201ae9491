import { type LoginRequest, loginRequestSchema } from '@nta/contracts';
import { ZodValidationPipe } from '../../../common/pipes/zod-validation.pipe';

export type LoginRequestDto = LoginRequest;

export const LOGIN_REQUEST_PIPE = new ZodValidationPipe(loginRequestSchema, 'body');
