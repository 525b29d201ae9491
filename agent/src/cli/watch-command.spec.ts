import { CliError } from '../config/cli-args';
import { parseSeconds } from './watch-command';

describe(parseSeconds.name, () => {
  it('takes a whole number of seconds, or none', () => {
    expect(parseSeconds('3')).toBe(3);
    expect(parseSeconds(undefined)).toBeNull();
  });

  it('names the flag and the expected range for anything else', () => {
    for (const bad of ['0', '-1', '1.5', 'soon', '']) {
      expect(() => parseSeconds(bad)).toThrowMatching(
        (e) =>
          e instanceof CliError &&
          /^--seconds ".*": expected a whole number from 1 to/.test(e.message),
      );
    }
  });
});
