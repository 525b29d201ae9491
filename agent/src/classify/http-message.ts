// Runs on the first payloads of a flow and on sampled HTTP packets: the checks read in place;
// text is made only by readHttpRequest, for samples.
import { indexOfByte, isTokenByte, startsWithAscii } from './payload-bytes';

const METHODS = ['GET ', 'POST ', 'PUT ', 'HEAD ', 'DELETE ', 'OPTIONS ', 'PATCH ', 'CONNECT '];
// Request lines longer than this are left unclassified rather than scanned further.
const MAX_LINE = 2048;

function methodLength(buf: Buffer, off: number, end: number): number {
  for (const m of METHODS) if (startsWithAscii(buf, off, end, m)) return m.length;
  return 0;
}

/** An HTTP/1.x request line (`GET /x HTTP/1.1`) or a status line (`HTTP/1.1 200`). */
export function isHttpMessage(buf: Buffer, off: number, len: number): boolean {
  const end = off + len;
  if (startsWithAscii(buf, off, end, 'HTTP/1.')) return true;
  const m = methodLength(buf, off, end);
  if (m === 0) return false;
  const lineEnd = indexOfByte(buf, off + m, Math.min(end, off + MAX_LINE), 0x0d);
  if (lineEnd < 0) return false;
  return lineEnd - 9 > off + m && startsWithAscii(buf, lineEnd - 9, lineEnd, ' HTTP/1.');
}

export interface HttpRequest {
  host: string | null;
  method: string;
  path: string;
}

export function readHttpRequest(buf: Buffer, off: number, len: number): HttpRequest | null {
  const end = off + len;
  const m = methodLength(buf, off, end);
  if (m === 0 || !isHttpMessage(buf, off, len)) return null;
  const lineEnd = indexOfByte(buf, off + m, Math.min(end, off + MAX_LINE), 0x0d);
  const path = buf.toString('latin1', off + m, lineEnd - 9).slice(0, 200);
  return {
    host: findHost(buf, lineEnd + 2, end),
    method: buf.toString('latin1', off, off + m - 1),
    path,
  };
}

function findHost(buf: Buffer, from: number, end: number): string | null {
  let p = from;
  while (p < end) {
    const eol = indexOfByte(buf, p, end, 0x0d);
    const lineEnd = eol < 0 ? end : eol;
    if (lineEnd === p) return null;
    if (lineEnd - p > 5 && (buf[p] | 0x20) === 0x68 && startsWithLower(buf, p, 'host:')) {
      let v = p + 5;
      while (v < lineEnd && buf[v] === 0x20) v++;
      let e = v;
      while (e < lineEnd && isTokenByte(buf[e])) e++;
      return e > v ? buf.toString('latin1', v, e).slice(0, 255) : null;
    }
    p = lineEnd + 2;
  }
  return null;
}

function startsWithLower(buf: Buffer, off: number, lower: string): boolean {
  for (let i = 0; i < lower.length; i++) {
    if ((buf[off + i] | 0x20) !== lower.charCodeAt(i) && buf[off + i] !== lower.charCodeAt(i)) {
      return false;
    }
  }
  return true;
}
