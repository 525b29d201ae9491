import { Logger } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookSender } from './webhook-sender';

// A local HTTP server: `answer` picks each status (or null to never answer).
async function listen(
  answer: (n: number) => number | null,
): Promise<{ bodies: unknown[]; server: Server; url: string }> {
  const bodies: unknown[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      bodies.push(JSON.parse(text));
      const status = answer(bodies.length);
      if (status === null) return;
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    bodies,
    server,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/h?token=x`,
  };
}

describe(WebhookSender.name, () => {
  let server: Server | null = null;
  let sut: WebhookSender;
  let warnings: string[];

  beforeEach(() => {
    sut = new WebhookSender({ attempts: 3, backoffMs: 20, timeoutMs: 200 });
    warnings = [];
    spyOn(Logger.prototype, 'warn').and.callFake((m: unknown) => void warnings.push(String(m)));
  });

  afterEach(() => {
    sut.close();
    server?.closeAllConnections();
    server?.close();
  });

  it('retries a failed delivery and counts it once delivered', async () => {
    const target = await listen((n) => (n < 3 ? 503 : 204));
    server = target.server;

    expect(await sut.send(target.url, { a: 1 })).toBeTrue();
    expect(target.bodies).toEqual([{ a: 1 }, { a: 1 }, { a: 1 }]);
    expect(sut.stats).toEqual({ delivered: 1, failed: 0, retried: 2 });
  });

  it('gives up after the last attempt, counts and logs it without the URL secret', async () => {
    const target = await listen(() => 500);
    server = target.server;

    expect(await sut.send(target.url, {})).toBeFalse();
    expect(target.bodies.length).toBe(3);
    expect(sut.stats.failed).toBe(1);
    expect(warnings[0]).toContain('failed after 3 attempts: HTTP 500');
    expect(warnings[0]).not.toContain('token=x');
  });

  it('times out a receiver that never answers', async () => {
    const target = await listen(() => null);
    server = target.server;
    const started = Date.now();

    expect(await sut.send(target.url, {})).toBeFalse();
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 200);
    expect(warnings[0]).toMatch(/timeout|aborted/i);
  });

  it('keeps the order of sends to one URL even when the first needs retries', async () => {
    const target = await listen((n) => (n === 1 ? 500 : 204));
    server = target.server;

    const first = sut.send(target.url, { state: 'firing' });
    const second = sut.send(target.url, { state: 'resolved' });
    await Promise.all([first, second]);

    expect(target.bodies).toEqual([
      { state: 'firing' },
      { state: 'firing' },
      { state: 'resolved' },
    ]);
  });

  it('never rejects, even for a refused connection', async () => {
    await expectAsync(sut.send('http://127.0.0.1:1/', {})).toBeResolvedTo(false);
  });
});
