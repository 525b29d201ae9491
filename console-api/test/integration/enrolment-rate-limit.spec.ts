// Starts: a fresh Postgres database and the real console in-process. Its own console, because
// the address it locks out (127.0.0.1) is every test's address.
import type { ApiErrorBody } from '@nta/contracts';
import { createToken, enrol } from './support/enrolment';
import { startTestConsole, type TestConsole } from './support/test-console';

describe('enrolment rate limiting', () => {
  let sut: TestConsole;

  beforeAll(async () => {
    sut = await startTestConsole();
    await sut.login();
  }, 30_000);

  afterAll(async () => {
    await sut?.close();
  }, 30_000);

  it('answers 429 after 10 failed attempts from one address, even with a good token', async () => {
    const good = await createToken(sut);
    for (let i = 0; i < 10; i++) {
      expect((await enrol(sut, `nta_et_guess-number-${i}-xxxxxxxx`, 'guesser')).status).toBe(401);
    }

    const locked = await enrol(sut, good.token, 'honest');
    const bundle = await fetch(`${sut.base}/api/agent/bundle.tgz?token=${good.token}`);

    expect(locked.status).toBe(429);
    expect((locked.body as unknown as ApiErrorBody).code).toBe('RATE_LIMITED');
    expect(bundle.status).toBe(429);
  });
});
