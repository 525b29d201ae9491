import { Pipe, PipeTransform } from '@angular/core';

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

/** 1234567 → "1.23 MB" (SI units, as network tools show them). */
export function formatBytes(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  let scaled = Math.abs(value);
  let unit = 0;
  while (scaled >= 1000 && unit < UNITS.length - 1) {
    scaled /= 1000;
    unit++;
  }
  const digits = unit === 0 || scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
  return `${value < 0 ? '-' : ''}${scaled.toFixed(digits)} ${UNITS[unit]}`;
}

@Pipe({ name: 'bytes' })
export class BytesPipe implements PipeTransform {
  transform(value: number | null | undefined, suffix = ''): string {
    const text = formatBytes(value);
    return text === '–' ? text : `${text}${suffix}`;
  }
}
