import { isDnsMessage, readDnsAnswers, readDnsQuestion } from './dns-message';
import { dnsQuery, dnsResponse } from './testdata/payloads';

describe('dns-message', () => {
  const at = (b: Buffer) => Buffer.concat([Buffer.alloc(8), b]);

  it('reads the question of a query and of a response', () => {
    const q = at(dnsQuery('www.example.com', 7, 28));
    const r = at(dnsResponse('www.example.com', ['93.184.215.14']));

    expect(readDnsQuestion(q, 8, q.length - 8, false)).toEqual({
      name: 'www.example.com',
      response: false,
      type: 28,
    });
    expect(readDnsQuestion(r, 8, r.length - 8, false)?.response).toBeTrue();
  });

  it('learns A and AAAA answers under the asked name, through a CNAME', () => {
    const r = at(
      dnsResponse('www.example.com', ['93.184.215.14', '2606:2800:21f:cb07::1'], 'edge.cdn.test'),
    );

    expect(readDnsAnswers(r, 8, r.length - 8, false)).toEqual([
      { address: '93.184.215.14', name: 'www.example.com' },
      { address: '2606:2800:21f:cb07::1', name: 'www.example.com' },
    ]);
  });

  it('reads DNS over TCP behind its 2-byte length', () => {
    const msg = dnsResponse('db.internal', ['10.1.2.3']);
    const framed = Buffer.concat([Buffer.from([msg.length >> 8, msg.length & 0xff]), msg]);

    expect(isDnsMessage(framed, 0, framed.length, true)).toBeTrue();
    expect(readDnsAnswers(framed, 0, framed.length, true)).toEqual([
      { address: '10.1.2.3', name: 'db.internal' },
    ]);
  });

  it('rejects noise, truncation and answers of a query', () => {
    const q = dnsQuery('example.com');

    expect(isDnsMessage(Buffer.from('GET / HTTP/1.1\r\n\r\nxxxx'), 0, 20, false)).toBeFalse();
    expect(isDnsMessage(q, 0, q.length - 3, false)).toBeFalse();
    expect(isDnsMessage(Buffer.alloc(40), 0, 40, false)).toBeFalse();
    expect(readDnsAnswers(q, 0, q.length, false)).toEqual([]);
  });

  it('stops at a truncated answer without throwing', () => {
    const r = dnsResponse('a.test', ['10.0.0.1', '10.0.0.2']);

    expect(readDnsAnswers(r, 0, r.length - 2, false)).toEqual([
      { address: '10.0.0.1', name: 'a.test' },
    ]);
  });
});
