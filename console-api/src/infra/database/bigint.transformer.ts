import type { ValueTransformer } from 'typeorm';

// pg returns int8 as a string; counters stay far below 2^53, so numbers are safe for the API.
export const BIGINT_TO_NUMBER: ValueTransformer = {
  from: (value: string | number | null) => (value === null ? null : Number(value)),
  to: (value: number | null | undefined) => value,
};
