// Initial JavaScript of the production build: what index.html loads before any lazy route,
// i.e. the module script and its modulepreload links, each gzipped (level 9) as a server would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function initialJs(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  if (files.length === 0) throw new Error(`no script in ${distDir}/index.html: is it a build?`);
  const sizes = files.map((file) => {
    const raw = readFileSync(join(distDir, file));
    return { file, gzip: gzipSync(raw, { level: 9 }).length, raw: raw.length };
  });
  const sum = (key) => sizes.reduce((total, s) => total + s[key], 0);
  return { files: sizes, gzip: sum('gzip'), raw: sum('raw') };
}
