import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as path from 'node:path';

type Next = (error?: unknown) => void;

/** True when the directory holds an Angular build (has index.html). */
export function hasWebBuild(webDir: string): boolean {
  const index = path.join(webDir, 'index.html');
  return existsSync(index) && statSync(index).isFile();
}

// API and socket paths never fall back to the shell: their 404s stay JSON.
export function isShellPath(url: string): boolean {
  const pathname = url.split('?')[0];
  return !/^\/(api|ws)(\/|$)/.test(pathname);
}

/** Answers GET/HEAD of client-side routes with index.html (after static files had their turn). */
export function spaFallback(webDir: string) {
  const index = path.join(webDir, 'index.html');
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isShellPath(req.url ?? '/')) {
      return next();
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(index).on('error', next).pipe(res);
  };
}
