// Real byte layouts of application messages, for the classifier and parser specs.

function dnsName(name: string): Buffer {
  const parts = name
    .split('.')
    .map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)]));
  return Buffer.concat([...parts, Buffer.from([0])]);
}

/** A recursive query for `name` (type A, class IN), as dig sends it. */
export function dnsQuery(name: string, id = 0x1234, type = 1): Buffer {
  const header = Buffer.from([id >> 8, id & 0xff, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
  return Buffer.concat([header, dnsName(name), Buffer.from([0, type, 0, 1])]);
}

/** A response: `name` CNAME `cname` (when given), then A/AAAA records for `addresses`. */
export function dnsResponse(name: string, addresses: string[], cname?: string): Buffer {
  const answers: Buffer[] = [];
  // Owner names use a pointer to the question name at offset 12.
  const ptrQ = Buffer.from([0xc0, 12]);
  if (cname) {
    const target = dnsName(cname);
    answers.push(
      ptrQ,
      Buffer.from([0, 5, 0, 1, 0, 0, 0, 60, target.length >> 8, target.length & 0xff]),
      target,
    );
  }
  for (const a of addresses) {
    const v6 = a.includes(':');
    const rdata = v6 ? ipv6Bytes(a) : Buffer.from(a.split('.').map(Number));
    answers.push(ptrQ, Buffer.from([0, v6 ? 28 : 1, 0, 1, 0, 0, 0, 60, 0, rdata.length]), rdata);
  }
  const count = addresses.length + (cname ? 1 : 0);
  const header = Buffer.from([0x12, 0x34, 0x81, 0x80, 0, 1, 0, count, 0, 0, 0, 0]);
  return Buffer.concat([header, dnsName(name), Buffer.from([0, 1, 0, 1]), ...answers]);
}

function ipv6Bytes(text: string): Buffer {
  const [head, tail = ''] = text.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = [...h, ...new Array<string>(8 - h.length - t.length).fill('0'), ...t];
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  return out;
}

/** A TLS 1.2-record ClientHello with a server_name extension (and a few others around it). */
export function tlsClientHello(serverName: string | null): Buffer {
  const ext = (type: number, body: Buffer) =>
    Buffer.concat([
      Buffer.from([type >> 8, type & 0xff, body.length >> 8, body.length & 0xff]),
      body,
    ]);
  const extensions: Buffer[] = [
    ext(0xff01, Buffer.from([0])),
    ext(0x000a, Buffer.from([0, 2, 0, 0x1d])),
  ];
  if (serverName !== null) {
    const name = Buffer.from(serverName);
    const entry = Buffer.concat([Buffer.from([0, name.length >> 8, name.length & 0xff]), name]);
    const list = Buffer.concat([Buffer.from([entry.length >> 8, entry.length & 0xff]), entry]);
    extensions.splice(1, 0, ext(0, list));
  }
  const exts = Buffer.concat(extensions);
  const body = Buffer.concat([
    Buffer.from([3, 3]),
    Buffer.alloc(32, 7),
    Buffer.from([32]),
    Buffer.alloc(32, 9),
    Buffer.from([0, 4, 0x13, 0x01, 0xc0, 0x2f]),
    Buffer.from([1, 0]),
    Buffer.from([exts.length >> 8, exts.length & 0xff]),
    exts,
  ]);
  const hs = Buffer.concat([
    Buffer.from([1, body.length >> 16, (body.length >> 8) & 0xff, body.length & 0xff]),
    body,
  ]);
  return Buffer.concat([Buffer.from([0x16, 3, 1, hs.length >> 8, hs.length & 0xff]), hs]);
}

export function httpRequest(host: string, path = '/', method = 'GET'): string {
  return `${method} ${path} HTTP/1.1\r\nUser-Agent: curl/8.5.0\r\nHost: ${host}\r\nAccept: */*\r\n\r\n`;
}
