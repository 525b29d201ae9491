import { unstorableReason } from './report-text';

const reason = (value: unknown) => unstorableReason(JSON.stringify(value), value);

describe(unstorableReason.name, () => {
  it('names the field holding \\u0000 or an unpaired surrogate', () => {
    expect(reason({ flows: [{ a: 'x\u0000' }] })).toBe(
      'flows.0.a: contains \\u0000, which Postgres cannot store',
    );
    expect(reason({ names: { '\ud800': 'n' } })).toBe(
      'names.\ud800: contains an unpaired UTF-16 surrogate, which Postgres cannot store',
    );
    expect(reason({ x: 'tail \udc00' })).toMatch(/^x: contains an unpaired UTF-16 surrogate/);
  });

  it('lets paired surrogates and an escaped backslash before u0000 through', () => {
    expect(reason({ name: 'smile \ud83d\ude00' })).toBeNull();
    expect(reason({ name: 'back\\u0000slash' })).toBeNull();
    expect(reason({ name: 'plain' })).toBeNull();
  });
});
