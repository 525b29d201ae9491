import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEnrol } from './enrol-command';

// Unit spec: a node:http server stands in for the console (the real one is in console-api's e2e).
describe(runEnrol.name, () => {
  let dir: string;
  let server: Server;
  let consoleUrl: string;
  let requests: Record<string, unknown>[];
  let answer: { body: unknown; status: number };
  let out: string[];
  let err: string[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nta-enrol-'));
    requests = [];
    out = [];
    err = [];
    answer = {
      body: {
        agentId: 'web-01',
        mqtt: { password: 'p4ss', url: 'mqtt://10.0.0.1:1883', username: 'web-01' },
      },
      status: 201,
    };
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        requests.push({ ...(JSON.parse(body) as object), path: req.url });
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    consoleUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    await new Promise((r) => server.close(r));
    rmSync(dir, { force: true, recursive: true });
  });

  const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    runEnrol(args, {
      env,
      err: (l) => err.push(l),
      hostname: 'web-01.example',
      out: (l) => out.push(l),
    });

  it('writes the credentials into a new 0600 config file, taking the token from NTA_TOKEN', async () => {
    const config = join(dir, 'agent.json');

    const sut = await run(['--console', consoleUrl, '--config', config, '--interface', 'eth1'], {
      NTA_TOKEN: 'nta_et_secret-token-value',
    });

    expect(sut).withContext(err.join('\n')).toBe(0);
    expect(requests).toEqual([
      { hostname: 'web-01.example', path: '/api/enrol', token: 'nta_et_secret-token-value' },
    ]);
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({
      agentId: 'web-01',
      consoleUrl: 'mqtt://10.0.0.1:1883',
      interface: 'eth1',
      password: 'p4ss',
    });
    expect(statSync(config).mode & 0o777).toBe(0o600);
    expect(out.join('\n')).toContain('enrolled as "web-01"');
  });

  it('re-enrols with the existing agent id and keeps the other options', async () => {
    const config = join(dir, 'agent.json');
    writeFileSync(
      config,
      JSON.stringify({ agentId: 'web-01', filter: 'not port 22', password: 'old' }),
    );

    expect(
      await run([
        '--console',
        consoleUrl,
        '--config',
        config,
        '--token',
        'nta_et_0123456789abcdef',
      ]),
    ).toBe(0);

    expect(requests[0]).toEqual(jasmine.objectContaining({ preferredAgentId: 'web-01' }));
    const written = JSON.parse(readFileSync(config, 'utf8')) as Record<string, unknown>;
    expect(written).toEqual(jasmine.objectContaining({ filter: 'not port 22', password: 'p4ss' }));
  });

  it("prints the console's refusal and leaves the config alone", async () => {
    const config = join(dir, 'agent.json');
    writeFileSync(config, '{"agentId":"web-01"}');
    answer = {
      body: { code: 'UNAUTHORIZED', message: 'enrolment token "rack" is expired' },
      status: 401,
    };

    expect(
      await run([
        '--console',
        consoleUrl,
        '--config',
        config,
        '--token',
        'nta_et_0123456789abcdef',
      ]),
    ).toBe(1);

    expect(err.join('\n')).toContain('HTTP 401): enrolment token "rack" is expired');
    expect(readFileSync(config, 'utf8')).toBe('{"agentId":"web-01"}');
  });

  it('says what is wrong with its arguments or an unreachable console', async () => {
    expect(await run(['--console', consoleUrl])).toBe(1);
    expect(err.pop()).toContain('token is required');
    expect(await run(['--console', 'ftp://x', '--token', 't'])).toBe(1);
    expect(err.pop()).toContain('expected http(s)://host:port');
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect(
      await run([
        '--console',
        `http://127.0.0.1:${port}`,
        '--token',
        'nta_et_0123456789abcdef',
        '--config',
        join(dir, 'a.json'),
      ]),
    ).toBe(1);
    expect(err.pop()).toContain(
      `cannot reach the console at http://127.0.0.1:${port} (ECONNREFUSED)`,
    );
  });

  it('refuses an answer that is not an enrolment', async () => {
    answer = { body: { hello: 'world' }, status: 200 };
    expect(
      await run([
        '--console',
        consoleUrl,
        '--token',
        'nta_et_0123456789abcdef',
        '--config',
        join(dir, 'a.json'),
      ]),
    ).toBe(1);
    expect(err.pop()).toContain('answered something that is not an enrolment');
  });
});
