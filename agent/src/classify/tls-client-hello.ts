// Runs on the first payloads of a flow and on sampled TLS packets: reads in place, makes text
// only for the server name it returns.
import { u16 } from './payload-bytes';

const CONTENT_HANDSHAKE = 0x16;
const HANDSHAKE_CLIENT_HELLO = 1;
const HANDSHAKE_SERVER_HELLO = 2;
const EXT_SERVER_NAME = 0;

/** A TLS record header of any content type (change-cipher-spec, alert, handshake, data). */
export function isTlsRecord(buf: Buffer, off: number, len: number): boolean {
  if (len < 5) return false;
  const type = buf[off];
  return type >= 0x14 && type <= 0x17 && buf[off + 1] === 3 && buf[off + 2] <= 4;
}

/** A ClientHello or ServerHello record: strong enough to call TLS on any port. */
export function isTlsHello(buf: Buffer, off: number, len: number): boolean {
  if (len < 9 || buf[off] !== CONTENT_HANDSHAKE || buf[off + 1] !== 3 || buf[off + 2] > 4) {
    return false;
  }
  const recordLength = u16(buf, off + 3);
  const hs = buf[off + 5];
  const hsLength = (buf[off + 6] << 16) | (buf[off + 7] << 8) | buf[off + 8];
  return (
    (hs === HANDSHAKE_CLIENT_HELLO || hs === HANDSHAKE_SERVER_HELLO) &&
    recordLength >= 4 &&
    hsLength + 4 <= recordLength &&
    hsLength >= 38
  );
}

export function isTlsClientHello(buf: Buffer, off: number, len: number): boolean {
  return isTlsHello(buf, off, len) && buf[off + 5] === HANDSHAKE_CLIENT_HELLO;
}

/**
 * The server_name of a ClientHello at `off` (record header included), or null when absent or
 * beyond the captured bytes.
 */
export function readTlsSni(buf: Buffer, off: number, len: number): string | null {
  if (!isTlsClientHello(buf, off, len)) return null;
  const end = off + len;
  // record(5) + handshake header(4) + client_version(2) + random(32)
  let p = off + 5 + 4 + 2 + 32;
  if (p + 1 > end) return null;
  p += 1 + buf[p]; // session id
  if (p + 2 > end) return null;
  p += 2 + u16(buf, p); // cipher suites
  if (p + 1 > end) return null;
  p += 1 + buf[p]; // compression methods
  if (p + 2 > end) return null;
  const extEnd = Math.min(end, p + 2 + u16(buf, p));
  p += 2;
  while (p + 4 <= extEnd) {
    const type = u16(buf, p);
    const size = u16(buf, p + 2);
    p += 4;
    if (type === EXT_SERVER_NAME) return readServerNameList(buf, p, Math.min(p + size, extEnd));
    p += size;
  }
  return null;
}

function readServerNameList(buf: Buffer, off: number, end: number): string | null {
  let p = off + 2;
  while (p + 3 <= end) {
    const nameType = buf[p];
    const size = u16(buf, p + 1);
    p += 3;
    if (p + size > end) return null;
    if (nameType === 0) {
      for (let i = p; i < p + size; i++) if (buf[i] <= 0x20 || buf[i] >= 0x7f) return null;
      return buf.toString('latin1', p, p + size);
    }
    p += size;
  }
  return null;
}
