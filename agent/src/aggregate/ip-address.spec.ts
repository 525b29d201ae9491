import { formatIpv6, parseAddress } from './ip-address';

describe('ip-address', () => {
  it('writes IPv6 the RFC 5952 way', () => {
    const text = (s: string) => formatIpv6(parseAddress(s)!.words);

    expect(text('2001:0db8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1');
    expect(text('::1')).toBe('::1');
    expect(text('::')).toBe('::');
    expect(text('fe80::1:0:0:5')).toBe('fe80::1:0:0:5');
    expect(text('2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1');
    expect(text('::ffff:c000:0280')).toBe('::ffff:192.0.2.128');
  });

  it('parses IPv4 and rejects what is not an address', () => {
    expect(parseAddress('192.0.2.1')).toEqual({
      version: 4,
      words: new Uint32Array([0xc0000201, 0, 0, 0]),
    });
    expect(parseAddress('256.0.0.1')).toBeNull();
    expect(parseAddress('example.com')).toBeNull();
    expect(parseAddress('1::2::3')).toBeNull();
  });
});
