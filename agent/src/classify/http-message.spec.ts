import { isHttpMessage, readHttpRequest } from './http-message';
import { httpRequest } from './testdata/payloads';

describe('http-message', () => {
  const buf = (s: string) => Buffer.from(s, 'latin1');

  it('recognises request and status lines', () => {
    expect(isHttpMessage(buf(httpRequest('a.test')), 0, 40)).toBeTrue();
    expect(isHttpMessage(buf('HTTP/1.1 204 No Content\r\n\r\n'), 0, 20)).toBeTrue();
    expect(isHttpMessage(buf('GET nothing-like-http\r\n'), 0, 23)).toBeFalse();
    expect(isHttpMessage(buf('GETX / HTTP/1.1\r\n'), 0, 17)).toBeFalse();
  });

  it('reads method, path and Host (any case)', () => {
    const b = buf('POST /api/v1/items?id=3 HTTP/1.1\r\nhost: shop.example:8080\r\n\r\n');

    expect(readHttpRequest(b, 0, b.length)).toEqual({
      host: 'shop.example:8080',
      method: 'POST',
      path: '/api/v1/items?id=3',
    });
    expect(readHttpRequest(buf(httpRequest('a.test', '/x')), 0, 80)?.host).toBe('a.test');
  });

  it('has no host when the header is missing or cut off', () => {
    const b = buf('GET / HTTP/1.0\r\nAccept: */*\r\n\r\n');

    expect(readHttpRequest(b, 0, b.length)?.host).toBeNull();
    expect(readHttpRequest(b, 0, 17)?.host).toBeNull();
  });
});
