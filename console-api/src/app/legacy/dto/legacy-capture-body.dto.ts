import { type CaptureRequest, captureRequestSchema } from '@nta/contracts';
import { ZodValidationPipe } from '../../../common/pipes/zod-validation.pipe';

export type LegacyCaptureBodyDto = CaptureRequest;

export const LEGACY_CAPTURE_BODY_PIPE = new ZodValidationPipe(captureRequestSchema, 'body');
