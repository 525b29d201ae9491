// Starts: a fresh Postgres database and the real console in-process serving a small web build
// written to a temporary NTA_WEB_DIR.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startTestConsole, type TestConsole } from './support/test-console';

describe('web shell on the API port', () => {
  let sut: TestConsole;
  let webDir: string;

  beforeAll(async () => {
    webDir = mkdtempSync(path.join(tmpdir(), 'nta-web-'));
    writeFileSync(path.join(webDir, 'index.html'), '<html><body>nta shell</body></html>');
    writeFileSync(path.join(webDir, 'main.js'), 'console.log("app")');
    sut = await startTestConsole({ NTA_WEB_DIR: webDir });
  }, 30_000);

  afterAll(async () => {
    await sut?.close();
    rmSync(webDir, { force: true, recursive: true });
  }, 30_000);

  it('serves index.html at / and for client-side routes, without auth', async () => {
    for (const route of ['/', '/hosts', '/hosts/web-01?tab=stats']) {
      const res = await fetch(`${sut.base}${route}`);
      expect(res.status).withContext(route).toBe(200);
      expect(await res.text())
        .withContext(route)
        .toContain('nta shell');
    }
  });

  it('serves static assets as files', async () => {
    const res = await fetch(`${sut.base}/main.js`);

    expect(await res.text()).toBe('console.log("app")');
  });

  it('keeps /api answers JSON: unknown routes 404, the rest authenticated', async () => {
    const unknown = await fetch(`${sut.base}/api/unknown`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe('NOT_FOUND');

    const hosts = await fetch(`${sut.base}/api/hosts`);
    expect(hosts.status).toBe(401);
  });
});
