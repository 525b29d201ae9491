import type { CaptureState } from '@nta/contracts';
import { HostPage, openHostPage } from '../../../testing/host-page';
import { HostComponent } from './host.component';

// Several interfaces, the BPF filter box, "only this" (switch), and who sees the controls.
describe(`${HostComponent.name} capture control`, () => {
  const capture = (iface: string, overrides: Partial<CaptureState> = {}): CaptureState => ({
    error: null,
    filter: null,
    interface: iface,
    running: true,
    startedAt: 1_700_000_000_000,
    ...overrides,
  });
  let page: HostPage;

  afterEach(() => page.http.verify());

  it("shows each interface's own state from the status captures", async () => {
    page = await openHostPage({
      host: { captures: [capture('eth0', { filter: 'udp' }), capture('eth1', { running: false })] },
    });
    const row = (name: string) => page.find(`[data-testid=iface-${name}]`)!;

    expect(row('eth0').getAttribute('data-capturing')).toBe('yes');
    expect(row('eth0').textContent).toContain('udp');
    expect(row('eth1').getAttribute('data-capturing')).toBe('no');
    expect(row('eth1').querySelector('[data-testid=iface-start]')).not.toBeNull();
    expect(row('eth0').querySelector('[data-testid=iface-stop]')).not.toBeNull();
  });

  it('sets a filter on the selected interface and shows the agent libpcap error inline', async () => {
    page = await openHostPage({ host: { captures: [capture('eth0')] } });
    const input = page.find<HTMLInputElement>('[data-testid=filter-input]')!;
    input.value = 'tcp port';
    await page.click('filter-apply');

    const req = page.http.expectOne('/api/hosts/agent-1/capture/filter');
    expect(req.request.body).toEqual({ filter: 'tcp port', interface: 'eth0' });
    const libpcap = 'syntax error in filter expression: syntax error';
    req.flush({ capture: capture('eth0'), error: libpcap, host: 'agent-1', ok: false });
    await page.fixture.whenStable();

    expect(page.find('[data-testid=filter-error]')?.textContent).toContain(libpcap);
    expect(page.find('[data-testid=capture-error]')).toBeNull();
  });

  it('shows an accepted filter on its interface and clears it with null', async () => {
    page = await openHostPage({ host: { captures: [capture('eth0')] } });
    page.find<HTMLInputElement>('[data-testid=filter-input]')!.value = '  udp  ';
    await page.click('filter-apply');
    const set = page.http.expectOne('/api/hosts/agent-1/capture/filter');
    expect(set.request.body).toEqual({ filter: 'udp', interface: 'eth0' });
    set.flush({
      capture: capture('eth0', { filter: 'udp' }),
      error: null,
      host: 'agent-1',
      ok: true,
    });
    await page.fixture.whenStable();
    expect(page.find('[data-testid=iface-eth0]')?.textContent).toContain('udp');

    await page.click('filter-clear');
    const clear = page.http.expectOne('/api/hosts/agent-1/capture/filter');
    expect(clear.request.body).toEqual({ filter: null, interface: 'eth0' });
    clear.flush({ capture: capture('eth0'), error: null, host: 'agent-1', ok: true });
    await page.fixture.whenStable();
    expect(page.find('[data-testid=iface-eth0] code')).toBeNull();
  });

  it('switches to one interface: the others show as stopped', async () => {
    page = await openHostPage({
      host: { captures: [capture('eth0'), capture('eth1', { running: false })] },
    });
    await page.click('iface-switch', '[data-testid=iface-eth1]');

    const req = page.http.expectOne('/api/hosts/agent-1/capture/switch');
    expect(req.request.body).toEqual({ interface: 'eth1' });
    req.flush({ capture: capture('eth1'), error: null, host: 'agent-1', ok: true });
    await page.fixture.whenStable();

    expect(page.find('[data-testid=iface-eth0]')?.getAttribute('data-capturing')).toBe('no');
    expect(page.find('[data-testid=iface-eth1]')?.getAttribute('data-capturing')).toBe('yes');
  });

  it('gives a viewer the state but no start, stop, switch, filter or refresh control', async () => {
    page = await openHostPage({
      admin: false,
      host: { captures: [capture('eth0', { filter: 'udp' })] },
    });

    expect(page.find('[data-testid=iface-eth0]')?.getAttribute('data-capturing')).toBe('yes');
    expect(page.find('[data-testid=iface-eth0]')?.textContent).toContain('udp');
    for (const testid of ['iface-start', 'iface-stop', 'iface-switch', 'filter-form']) {
      expect(page.find(`[data-testid=${testid}]`))
        .withContext(testid)
        .toBeNull();
    }
    const labels = [...page.el.querySelectorAll('button')].map((b) => b.textContent?.trim());
    expect(labels).not.toContain('Refresh list');
  });

  it('renders a hostile host name and interface state as text', async () => {
    const hostile = `<img src=x onerror="window.__ntaXss='host'"><script>window.__ntaXss='s'</script>`;
    page = await openHostPage({
      host: { captures: [capture('eth0', { error: hostile, filter: hostile })], hostname: hostile },
    });
    expect(page.find('[data-testid=host-name]')?.textContent).toBe(hostile);
    expect(page.find('[data-testid=iface-eth0]')?.textContent).toContain(hostile);
    expect(page.el.querySelector('img, script')).toBeNull();
    expect((window as { __ntaXss?: string }).__ntaXss).toBeUndefined();
  });
});
