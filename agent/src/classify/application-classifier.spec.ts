import { APPLICATION_NAMES } from '@nta/contracts';
import { ApplicationClassifier } from './application-classifier';
import { APPLICATION_TABLE } from './application-table';
import { appId, appName } from './app-id';
import { dnsQuery, httpRequest, tlsClientHello } from './testdata/payloads';

const TCP = 6;
const UDP = 17;

describe(ApplicationClassifier.name, () => {
  let sut: ApplicationClassifier;

  beforeEach(() => (sut = new ApplicationClassifier()));

  const inspect = (guess: string, proto: number, payload: Buffer | string) => {
    const buf = typeof payload === 'string' ? Buffer.from(payload, 'latin1') : payload;
    // Payload placed at a non-zero offset, as it is inside a captured frame.
    const frame = Buffer.concat([Buffer.alloc(42), buf]);
    const id = sut.inspectPayload(appId(guess as never), proto, frame, 42, buf.length);
    return id < 0 ? null : appName(id);
  };

  it('has at least 25 protocols, each a contracts name, listed once', () => {
    const names = APPLICATION_TABLE.map((e) => e.name);

    expect(names.length).toBeGreaterThanOrEqual(25);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(APPLICATION_NAMES).toContain(n);
    for (const required of ['dns', 'http', 'tls', 'quic', 'ssh', 'dhcp', 'ntp', 'mdns', 'ssdp']) {
      expect(names).toContain(required as never);
    }
    for (const required of ['smb', 'rdp', 'mysql', 'postgresql', 'redis', 'mqtt', 'smtp', 'imap']) {
      expect(names).toContain(required as never);
    }
    for (const required of ['pop3', 'ldap', 'kerberos', 'snmp', 'syslog', 'bgp', 'ospf', 'icmp']) {
      expect(names).toContain(required as never);
    }
  });

  it('guesses from the well-known port on either side, the lower one when both are known', () => {
    const guess = (proto: number, s: number, d: number) => appName(sut.portGuess(proto, s, d));

    expect(guess(UDP, 51000, 53)).toBe('dns');
    expect(guess(UDP, 53, 51000)).toBe('dns');
    expect(guess(TCP, 51000, 443)).toBe('tls');
    expect(guess(UDP, 51000, 443)).toBe('quic');
    expect(guess(TCP, 5432, 22)).toBe('ssh');
    expect(guess(UDP, 68, 67)).toBe('dhcp');
    expect(guess(UDP, 5353, 5353)).toBe('mdns');
    expect(guess(TCP, 51000, 51001)).toBe('unknown');
  });

  it('names port-less protocols by IP protocol number', () => {
    expect(appName(sut.portGuess(1, -1, -1))).toBe('icmp');
    expect(appName(sut.portGuess(58, -1, -1))).toBe('icmp');
    expect(appName(sut.portGuess(89, -1, -1))).toBe('ospf');
    expect(appName(sut.portGuess(112, -1, -1))).toBe('vrrp');
    expect(appName(sut.portGuess(47, -1, -1))).toBe('gre');
    expect(appName(sut.portGuess(50, -1, -1))).toBe('ipsec');
    expect(appName(sut.portGuess(132, -1, -1))).toBe('unknown');
  });

  it('confirms a port guess from its own signature', () => {
    expect(inspect('dns', UDP, dnsQuery('example.com'))).toBe('dns');
    expect(inspect('tls', TCP, tlsClientHello('example.com'))).toBe('tls');
    expect(inspect('http', TCP, httpRequest('example.com'))).toBe('http');
    expect(inspect('ssh', TCP, 'SSH-2.0-OpenSSH_9.6\r\n')).toBe('ssh');
    expect(inspect('mqtt', TCP, Buffer.from('101000044d5154540402003c0004616263', 'hex'))).toBe(
      'mqtt',
    );
    expect(inspect('postgresql', TCP, Buffer.from('0000000804d2162f', 'hex'))).toBe('postgresql');
    expect(inspect('redis', TCP, '*1\r\n$4\r\nPING\r\n')).toBe('redis');
  });

  it('lets a strong payload signature beat a lying port', () => {
    expect(inspect('http', TCP, tlsClientHello('api.example.com'))).toBe('tls'); // TLS on 8080
    expect(inspect('tls', TCP, httpRequest('example.com'))).toBe('http'); // HTTP on 443
    expect(inspect('unknown', TCP, tlsClientHello('x.example'))).toBe('tls'); // TLS on 9999
    expect(inspect('unknown', TCP, httpRequest('a.test', '/x'))).toBe('http'); // HTTP on 31337
    expect(inspect('unknown', UDP, dnsQuery('resolver.test'))).toBe('dns'); // DNS on 5300
    expect(inspect('tls', TCP, 'SSH-2.0-dropbear\r\n')).toBe('ssh'); // SSH on 443
    expect(inspect('unknown', TCP, Buffer.from('0000000804d2162f', 'hex'))).toBe('postgresql');
  });

  it('proves nothing from noise, so the port guess stands after its checks', () => {
    const noise = Buffer.from('8f3a11c2d4e5f60718293a4b5c6d7e8f90a1b2c3', 'hex');

    expect(inspect('dns', UDP, noise)).toBeNull();
    expect(inspect('unknown', TCP, noise)).toBeNull();
    expect(inspect('unknown', UDP, Buffer.alloc(0))).toBeNull();
  });

  it('takes a new protocol from one more table entry', () => {
    sut = new ApplicationClassifier([
      ...APPLICATION_TABLE,
      // e.g. a site-local HTTP proxy port
      { name: 'http', tcp: [3129] },
    ]);

    expect(appName(sut.portGuess(TCP, 50000, 3129))).toBe('http');
    expect(() => new ApplicationClassifier([{ name: 'nope' as never, tcp: [1] }])).toThrowError(
      /nope is not in APPLICATION_NAMES/,
    );
  });
});
