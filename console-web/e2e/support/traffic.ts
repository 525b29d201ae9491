import { createSocket } from 'node:dgram';
import { Proc, startProcess } from '@nta/testing';

/** UDP datagrams from this machine into the namespace, 20 every 100 ms, until stopped. */
export function udpStream(from: string, to: string, port: number): { stop(): void } {
  const socket = createSocket('udp4');
  socket.bind(0, from);
  let n = 0;
  const timer = setInterval(() => {
    for (let i = 0; i < 20; i++) socket.send(`e2e probe ${n++}`, port, to);
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      socket.close();
    },
  };
}

// Runs inside the namespace: a TCP server on its loopback and a client writing 1 kB every 20 ms.
const LOOPBACK_TCP = `
const net = require('node:net');
const server = net.createServer((s) => s.on('data', () => {})).listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  setInterval(() => c.write(Buffer.alloc(1024, 120)), 20);
});
`;

/** TCP over the namespace's loopback, so a capture on `lo` sees traffic of its own. */
export function loopbackTcp(namespace: string): Proc {
  return startProcess(
    'ip',
    ['netns', 'exec', namespace, process.execPath, '-e', LOOPBACK_TCP],
    process.env,
  );
}
