import fc from 'fast-check';
import { jsonMembers } from './json-members';

const texts = (text: string) =>
  Object.fromEntries([...(jsonMembers(text) ?? [])].map(([k, m]) => [k, m.text]));

// As JSON.stringify writes numbers: 0.5, 1e+21.
const writtenWithFraction = (v: unknown): boolean =>
  typeof v === 'number'
    ? /[.eE]/.test(JSON.stringify(v))
    : typeof v === 'object' && v !== null && Object.values(v).some(writtenWithFraction);

describe(jsonMembers.name, () => {
  it('cuts each top-level member out of any object text, however it is spaced', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.nat(3), (object, indent) => {
        const text = JSON.stringify(object, null, indent);
        // JSON.stringify writes keys plainly unless they need escapes; those must answer null.
        if (Object.keys(object).some((k) => JSON.stringify(k).includes('\\'))) {
          expect(jsonMembers(text)).toBeNull();
          return;
        }
        const members = jsonMembers(text) ?? new Map();
        expect([...members.keys()]).toEqual(Object.keys(JSON.parse(text) as object));
        for (const [key, member] of members) {
          expect(JSON.parse(member.text)).toEqual(object[key]);
          expect(member.fractions).withContext(member.text).toBe(writtenWithFraction(object[key]));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps member texts as written, with escapes, and the last of a repeated key', () => {
    const text = ' { "a" : "q\\"}\\\\" , "b":[1, {"c":"]"}, true] ,"a":  -15 , "d" : null}  ';
    expect(texts(text)).toEqual({ a: '-15', b: '[1, {"c":"]"}, true]', d: 'null' });
    expect(jsonMembers('{}')).toEqual(new Map());
    expect(jsonMembers(' { } ')).toEqual(new Map());
  });

  it('marks members holding a number written with a fraction or an exponent', () => {
    const members = jsonMembers(
      '{"seq":5.0,"flows":[{"bytes": 1e3}],"t":[ -2E3],"ok":[1,-2,{"a":"10.0.0.2","b":"fe80::1e"},false,true,null]}',
    );
    const fractions = Object.fromEntries([...(members ?? [])].map(([k, m]) => [k, m.fractions]));
    expect(fractions).toEqual({ flows: true, ok: false, seq: true, t: true });
  });

  it('answers null for a key written with escapes, and for a text cut short', () => {
    expect(jsonMembers('{"fl\\u006fws":[]}')).toBeNull();
    expect(jsonMembers('{"a":[1,2')).toBeNull();
    expect(jsonMembers('{"a":"never closed')).toBeNull();
  });
});
