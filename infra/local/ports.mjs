import { createServer } from 'node:net';

/** Resolves true when nothing listens on host:port (we could bind it ourselves). */
export function isPortFree(port, host = '0.0.0.0') {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ exclusive: true, host, port }, () => server.close(() => resolve(true)));
  });
}

/** The first free port at or above `preferred` (skipping the ones in `taken`). */
export async function nextFreePort(preferred, taken = [], host = '0.0.0.0') {
  for (let port = preferred; port < preferred + 200; port++) {
    if (!taken.includes(port) && (await isPortFree(port, host))) return port;
  }
  throw new Error(`no free port in ${preferred}-${preferred + 199}`);
}
