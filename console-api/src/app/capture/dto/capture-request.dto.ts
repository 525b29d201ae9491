import {
  type CaptureFilterRequest,
  captureFilterSchema,
  type CaptureStartRequest,
  captureStartSchema,
  type CaptureStopRequest,
  captureStopSchema,
  type CaptureSwitchRequest,
  captureSwitchSchema,
} from '@nta/contracts';
import { ZodValidationPipe } from '../../../common/pipes/zod-validation.pipe';

export type CaptureFilterDto = CaptureFilterRequest;
export type CaptureStartDto = CaptureStartRequest;
export type CaptureStopDto = CaptureStopRequest;
export type CaptureSwitchDto = CaptureSwitchRequest;

// Strict: a misspelt field ("iface") is a 400, not a silent capture on the default interface.
export const CAPTURE_FILTER_PIPE = new ZodValidationPipe(captureFilterSchema.strict(), 'body');
export const CAPTURE_START_PIPE = new ZodValidationPipe(captureStartSchema.strict(), 'body');
export const CAPTURE_STOP_PIPE = new ZodValidationPipe(captureStopSchema.strict(), 'body');
export const CAPTURE_SWITCH_PIPE = new ZodValidationPipe(captureSwitchSchema.strict(), 'body');
