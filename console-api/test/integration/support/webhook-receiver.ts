import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedHook {
  body: unknown;
  status: number;
}

/** A real HTTP server on port 0 that records every POST; the first `failFirst` answer 500. */
export class WebhookReceiver {
  readonly received: ReceivedHook[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(failFirst = 0): Promise<WebhookReceiver> {
    let failures = failFirst;
    let receiver: WebhookReceiver | null = null;
    const server = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () => {
        const status = failures-- > 0 ? 500 : 204;
        receiver?.received.push({ body: JSON.parse(text) as unknown, status });
        res.statusCode = status;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    receiver = new WebhookReceiver(server, `http://127.0.0.1:${port}/hook?secret=s3cret`);
    return receiver;
  }

  /** The bodies answered with success, in arrival order. */
  delivered<T>(): T[] {
    return this.received.filter((r) => r.status < 300).map((r) => r.body as T);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
