import { type CaptureRequest, captureRequestSchema } from '@nta/contracts';
import { ZodValidationPipe } from '../../../common/pipes/zod-validation.pipe';

export type CaptureRequestDto = CaptureRequest;

export const CAPTURE_REQUEST_PIPE = new ZodValidationPipe(captureRequestSchema, 'body');
