import { type PipeTransform } from '@nestjs/common';
import { validate } from '@nta/contracts';
import type { z } from 'zod';
import { DomainException } from '../errors/domain.exception';

/** Validates a body or query with a contracts schema; failures become 400 BAD_REQUEST. */
export class ZodValidationPipe<T> implements PipeTransform<unknown, T> {
  constructor(
    private readonly schema: z.ZodType<T>,
    private readonly where: string,
  ) {}

  transform(value: unknown): T {
    const result = validate(this.schema, value ?? {}, this.where);
    if (!result.ok) throw new DomainException('BAD_REQUEST', result.error);
    return result.value;
  }
}
