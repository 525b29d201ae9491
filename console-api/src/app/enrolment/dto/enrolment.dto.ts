import {
  type CreateEnrolmentTokenRequest,
  createEnrolmentTokenSchema,
  type EnrolRequest,
  enrolRequestSchema,
} from '@nta/contracts';
import type { z } from 'zod';
import { ZodValidationPipe } from '../../../common/pipes/zod-validation.pipe';

export type CreateEnrolmentTokenDto = z.output<typeof createEnrolmentTokenSchema>;
export type { CreateEnrolmentTokenRequest, EnrolRequest };

export const CREATE_ENROLMENT_TOKEN_PIPE = new ZodValidationPipe<CreateEnrolmentTokenDto>(
  createEnrolmentTokenSchema,
  'body',
);
export const ENROL_REQUEST_PIPE = new ZodValidationPipe<EnrolRequest>(enrolRequestSchema, 'body');
