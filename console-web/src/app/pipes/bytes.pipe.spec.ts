import { BytesPipe, formatBytes } from './bytes.pipe';

describe(BytesPipe.name, () => {
  it('scales to SI units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1234)).toBe('1.23 kB');
    expect(formatBytes(45_600_000)).toBe('45.6 MB');
    expect(formatBytes(null)).toBe('–');
  });

  it('appends a unit suffix', () => {
    const sut = new BytesPipe();
    expect(sut.transform(2000, '/s')).toBe('2.00 kB/s');
    expect(sut.transform(undefined, '/s')).toBe('–');
  });
});
