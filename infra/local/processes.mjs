import { createInterface } from 'node:readline';

/** Copies a child's output line by line with a prefix, so interleaved logs stay readable. */
export function prefixLines(stream, prefix, out) {
  createInterface({ input: stream }).on('line', (line) => out.write(`${prefix}${line}\n`));
}

/** Polls a health URL until it answers 200 (any body) or the deadline passes. */
export async function waitForHealth(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}
