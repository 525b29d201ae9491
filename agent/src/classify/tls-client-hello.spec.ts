import { isTlsClientHello, readTlsSni } from './tls-client-hello';
import { tlsClientHello } from './testdata/payloads';

describe('tls-client-hello', () => {
  it('reads the SNI of a ClientHello with other extensions around it', () => {
    const hello = Buffer.concat([Buffer.alloc(20), tlsClientHello('api.example.com')]);

    expect(isTlsClientHello(hello, 20, hello.length - 20)).toBeTrue();
    expect(readTlsSni(hello, 20, hello.length - 20)).toBe('api.example.com');
  });

  it('returns null without SNI, when truncated before it, or for other records', () => {
    const hello = tlsClientHello('api.example.com');

    expect(readTlsSni(tlsClientHello(null), 0, tlsClientHello(null).length)).toBeNull();
    expect(readTlsSni(hello, 0, 90)).toBeNull();
    expect(readTlsSni(Buffer.from('170303001011', 'hex'), 0, 6)).toBeNull();
  });

  it('reads a real ClientHello as openssl s_client sends it', () => {
    // openssl s_client -servername example.org (TLS 1.3, trimmed to SNI and supported_versions)
    const hex =
      '16030100' +
      '4d' +
      '010000' +
      '49' +
      '0303' +
      '11'.repeat(32) +
      '00' +
      '0004' +
      '13011302' +
      '0100' +
      '001c' +
      '0000' +
      '0010' +
      '000e' +
      '00' +
      '000b' +
      Buffer.from('example.org').toString('hex') +
      '002b' +
      '0004' +
      '030304' +
      '03';
    const buf = Buffer.from(hex, 'hex');

    expect(readTlsSni(buf, 0, buf.length)).toBe('example.org');
  });
});
