// End to end in real Chromium: the built console serving the built web app, a real agent in a
// network namespace capturing real UDP/TCP, driven through the UI like a person would. Saves a
// screenshot of each page to test-output/screenshots/.
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { Proc, waitFor } from '@nta/testing';
import { ADMIN_PASSWORD, AGENT_ID, SCREENSHOT_DIR, Stack, startStack } from './support/stack';
import { loopbackTcp, udpStream } from './support/traffic';

const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage'];

describe('console web, end to end', () => {
  let browser: Browser;
  let page: Page;
  let stack: Stack;
  let tcp: Proc | undefined;
  let udp: { stop(): void } | undefined;

  const shot = (name: string) =>
    page.screenshot({ fullPage: true, path: join(SCREENSHOT_DIR, `${name}.png`) });
  const row = (iface: string) => `[data-testid="iface-${iface}"]`;
  const capturing = (iface: string, yes: boolean) =>
    page.waitForSelector(`${row(iface)}[data-capturing="${yes ? 'yes' : 'no'}"]`, {
      timeout: 15_000,
    });
  const share = async (name: string) => {
    const cell = page.locator(`nta-protocol-pie tr[data-name="${name}"] td.pct`);
    return (await cell.count()) ? parseFloat(await cell.innerText()) : 0;
  };
  const timelinePath = () =>
    page
      .locator('[data-testid=timeline] ngx-charts-line-chart path.line')
      .first()
      .getAttribute('d');

  beforeAll(async () => {
    stack = await startStack();
    browser = await chromium.launch({ args: CHROMIUM_ARGS, executablePath: '/usr/bin/chromium' });
    page = await browser.newPage({ viewport: { height: 900, width: 1280 } });
  }, 120_000);

  afterAll(async () => {
    udp?.stop();
    await tcp?.stop();
    await browser?.close();
    await stack?.stop();
  }, 30_000);

  it('signs in and lists the host in the fleet', async () => {
    await page.goto(`${stack.baseUrl}/login`);
    await page.locator('#username').waitFor();
    await shot('login');
    await page.locator('#username').fill('admin');
    await page.locator('#password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const link = page.locator(`a[href$="/hosts/${AGENT_ID}"]`).first();
    await link.waitFor({ timeout: 15_000 });
    await shot('fleet');
    await link.click();
    await page.waitForURL(`**/hosts/${AGENT_ID}`);
  }, 30_000);

  it('shows live traffic: the agent capturing on its veth, UDP in the pie, the timeline', async () => {
    const veth = stack.host.innerInterface;
    await capturing(veth, true);
    udp = udpStream(stack.host.hostAddress, stack.host.nsAddress, 40_000);

    await page.waitForSelector('nta-protocol-pie tr[data-name="udp"]', { timeout: 20_000 });
    await page.waitForSelector('[data-testid=timeline] path.line', { timeout: 20_000 });
    expect(await page.locator(row(veth)).innerText()).toContain(stack.host.nsAddress);
    const udpShare = await waitFor(
      'UDP as most of the bytes in the pie',
      async () => ((await share('udp')) > 50 ? share('udp') : undefined),
      20_000,
    );
    expect(udpShare).toBeGreaterThan(50);
    await shot('host');
  }, 40_000);

  it('stops the veth capture and switches to the loopback: TCP takes over the pie', async () => {
    const veth = stack.host.innerInterface;
    await page.locator(`${row(veth)} [data-testid=iface-stop]`).click();
    await capturing(veth, false);
    udp?.stop();
    udp = undefined;
    const tcpBefore = await share('tcp');
    const pathBefore = await timelinePath();

    tcp = loopbackTcp(stack.host.name);
    await page.locator(`${row('lo')} [data-testid=iface-start]`).click();
    await capturing('lo', true);

    const tcpAfter = await waitFor(
      'TCP over the loopback in the protocol pie',
      async () => {
        const now = await share('tcp');
        return now >= tcpBefore + 10 ? now : undefined;
      },
      20_000,
    );
    expect(tcpAfter).toBeGreaterThan(tcpBefore);
    expect(await timelinePath()).not.toBe(pathBefore);
    await shot('host-loopback');
  }, 60_000);

  it('starts the veth capture again and shows the sampled packets, filterable and pausable', async () => {
    const veth = stack.host.innerInterface;
    await page.locator(`${row('lo')} [data-testid=iface-stop]`).click();
    await capturing('lo', false);
    await tcp?.stop();
    tcp = undefined;
    await page.locator(`${row(veth)} [data-testid=iface-start]`).click();
    await capturing(veth, true);
    udp = udpStream(stack.host.hostAddress, stack.host.nsAddress, 40_001);

    const table = page.locator('[data-testid=packets]');
    await table.scrollIntoViewIfNeeded();
    await page.waitForSelector('[data-testid=packets] td.info', { timeout: 20_000 });
    await table.getByRole('searchbox').fill('40001');
    await waitFor(
      'UDP packets to port 40001 in the packet table',
      async () => ((await table.locator('tbody td.info').count()) > 0 ? true : undefined),
      20_000,
    );
    await table.getByRole('button', { name: 'Pause' }).click();
    const frozen = await table.locator('tbody tr').count();
    await new Promise((r) => setTimeout(r, 2000));
    expect(await table.locator('tbody tr').count()).toBe(frozen);
    expect(await table.innerText()).toContain('held back');
    await table.screenshot({ path: join(SCREENSHOT_DIR, 'packet-table.png') });
    await shot('host-packets');
  }, 60_000);

  it('switches with "Only this", shows a bad filter refused inline, and reads 5 minutes of history', async () => {
    const veth = stack.host.innerInterface;
    await page.locator(`${row('lo')} [data-testid=iface-switch]`).click();
    await capturing('lo', true);
    await capturing(veth, false);
    await page.locator(`${row(veth)} [data-testid=iface-switch]`).click();
    await capturing(veth, true);
    await capturing('lo', false);

    await page.locator(row(veth)).click();
    await page.locator('[data-testid=filter-input]').fill('udp and not a filter');
    await page.locator('[data-testid=filter-apply]').click();
    const refusal = page.locator('[data-testid=filter-error]');
    await refusal.waitFor({ timeout: 15_000 });
    expect(await refusal.innerText()).toMatch(/syntax error|parse error|unknown/i);
    await capturing(veth, true);
    await page.locator('[data-testid=filter-input]').fill('udp');
    await page.locator('[data-testid=filter-apply]').click();
    // The refusal (which quotes the bad filter) goes once the agent accepts the new one.
    await waitFor(
      'the refusal gone after a good filter',
      async () => ((await refusal.count()) === 0 ? true : undefined),
      15_000,
    );
    // The interface row follows the agent's next status (over the socket), a moment later.
    const iface = await waitFor(
      'the interface row showing the udp filter and no error',
      async () => {
        const text = await page.locator(row(veth)).innerText();
        return text.includes('udp') && !/syntax error/i.test(text) ? text : undefined;
      },
      15_000,
    );
    expect(iface).not.toContain('not a filter');
    await capturing(veth, true);
    await shot('host-filter');

    await page.locator('[data-testid=range-5m]').click();
    // History drawn from the API: a line with points and a pie with slices, not empty frames.
    await waitFor(
      'a history line with points',
      async () =>
        (((await timelinePath()) ?? '').match(/L/g)?.length ?? 0) > 5 ? true : undefined,
      20_000,
    );
    await page.waitForSelector('nta-protocol-pie path.arc', { timeout: 20_000 });
    expect(await page.locator('[data-testid=history-error]').count()).toBe(0);
    await page.waitForTimeout(1500);
    await shot('host-history');
    await page.locator('[data-testid=range-live]').click();
  }, 90_000);

  it('opens the add-host page, creates an enrolment token and shows its install line', async () => {
    await page.goto(`${stack.baseUrl}/add-host`);
    await page.locator('[data-test=token-name]').fill('rack 4');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = page.locator('nta-secret-once [data-test=secret]');
    await secret.waitFor({ timeout: 15_000 });
    expect(await secret.innerText()).toMatch(/install\.sh .*NTA_TOKEN=nta_et_/);
    await page.locator('[data-test=tokens]').waitFor();
    await shot('add-host');
  }, 30_000);

  it('opens the settings pages: users, API tokens, alert rules', async () => {
    await page.goto(`${stack.baseUrl}/settings/users`);
    await page.locator('[data-test=users]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-test=users]').innerText()).toContain('admin');
    await shot('settings-users');
    await page.goto(`${stack.baseUrl}/settings/api-tokens`);
    await page.getByRole('heading', { name: 'New API token' }).waitFor();
    await shot('settings-api-tokens');
    await page.goto(`${stack.baseUrl}/settings/alerts`);
    await page.getByRole('heading').first().waitFor();
    await shot('settings-alerts');
  }, 30_000);
});
