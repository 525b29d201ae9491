import type { TestRequest } from '@angular/common/http/testing';
import type { TimeseriesResponse } from '@nta/contracts';
import { emptyTransportCounters } from '@nta/contracts';
import { flow, talker } from '../../../testing/fixtures';
import { HostPage, openHostPage } from '../../../testing/host-page';
import { HostComponent } from './host.component';

// The time-range picker: a preset loads the stored range from the console, Live goes back.
describe(`${HostComponent.name} history`, () => {
  let page: HostPage;

  const series = (req: TestRequest, value: number): TimeseriesResponse => {
    const p = req.request.params;
    const from = Number(p.get('from'));
    return {
      from,
      metric: p.get('metric') as TimeseriesResponse['metric'],
      points: [{ t: Math.floor(from / 30_000) * 30_000 + 30_000, value }],
      resolution: '1s',
      scope: { group: null, host: 'agent-1' },
      step: Number(p.get('step')),
      to: Number(p.get('to')),
    };
  };

  // Answers one history load; returns its range and the timeseries requests.
  function answerHistory() {
    const { http } = page;
    const timeseries = http.match((r) => r.url === '/api/timeseries');
    expect(timeseries.length).toBe(3);
    for (const req of timeseries) req.flush(series(req, 3000));
    const transports = http.expectOne((r) => r.url === '/api/hosts/agent-1/transports');
    const range = {
      from: Number(transports.request.params.get('from')),
      to: Number(transports.request.params.get('to')),
    };
    transports.flush({
      ...range,
      host: 'agent-1',
      interface: null,
      totals: { bytes: 900, packets: 9 },
      transport: { ...emptyTransportCounters(), udp: { bytes: 900, packets: 9 } },
    });
    http
      .expectOne((r) => r.url === '/api/hosts/agent-1/applications')
      .flush({
        ...range,
        applications: [{ application: 'dns', bytes: 900, packets: 9 }],
        host: 'agent-1',
        interface: null,
        totals: { bytes: 900, packets: 9 },
      });
    http
      .expectOne((r) => r.url === '/api/hosts/agent-1/flows')
      .flush({
        ...range,
        flows: [flow({ application: 'dns', bPort: 53, transport: 'udp' })],
        host: 'agent-1',
        interface: null,
        omitted: 0,
        others: { bytes: 0, packets: 0 },
        totals: { bytes: 1100, packets: 3 },
      });
    http
      .expectOne((r) => r.url === '/api/hosts/agent-1/talkers')
      .flush({
        ...range,
        host: 'agent-1',
        interface: null,
        local: [talker('10.0.0.5', { bytesOut: 900, packetsOut: 9 })],
        localOther: { bytes: 0, packets: 0 },
        omitted: { local: 0, remote: 0 },
        remote: [],
        remoteOther: { bytes: 0, packets: 0 },
      });
    return { ...range, timeseries };
  }

  afterEach(() => page.http.verify());

  it('loads the last hour from the timeseries and analysis routes, then goes back to live', async () => {
    page = await openHostPage();
    const before = Date.now();
    await page.click('range-1h');
    expect(page.find('[data-testid=history-loading]')).not.toBeNull();

    const range = answerHistory();
    await page.fixture.whenStable();
    const steps = range.timeseries.map((r) => r.request.params);

    expect(range.to).toBeGreaterThanOrEqual(before);
    expect(range.to - range.from).toBe(3_600_000);
    expect(steps.map((p) => p.get('host'))).toEqual(['agent-1', 'agent-1', 'agent-1']);
    expect(steps.map((p) => p.get('step'))).toEqual(['30', '30', '30']);
    expect(page.find('[data-testid=timeline]')).not.toBeNull();
    expect(page.el.querySelectorAll('ngx-charts-line-chart').length).toBe(2);
    expect(page.find('nta-protocol-pie tr[data-name=udp]')).not.toBeNull();
    expect(page.find('nta-application-chart tr[data-name=dns]')).not.toBeNull();
    expect(page.find('nta-flows-table tbody')?.textContent).toContain(':53');
    expect(page.find('nta-talkers-table tr[data-address="10.0.0.5"]')).not.toBeNull();
    expect(page.el.textContent).toContain('over the range');

    await page.click('range-live');
    expect(page.el.textContent).toContain('Traffic, last 2 minutes');
    expect(page.el.textContent).not.toContain('over the range');
  });

  it('shows an error with a retry when the history cannot be read', async () => {
    page = await openHostPage();
    await page.click('range-24h');
    const [first, ...rest] = page.http.match((r) => r.url === '/api/timeseries');
    first.flush(
      { code: 'VALIDATION_FAILED', message: 'to: out of retention', statusCode: 400 },
      { status: 400, statusText: 'Bad Request' },
    );
    // forkJoin cancelled its other requests when the first one failed.
    expect(rest.every((r) => r.cancelled)).toBeTrue();
    for (const path of ['transports', 'applications', 'flows', 'talkers']) {
      const req = page.http.expectOne((r) => r.url === `/api/hosts/agent-1/${path}`);
      expect(req.cancelled).toBeTrue();
    }
    await page.fixture.whenStable();
    expect(page.find('[data-testid=history-error]')?.textContent).toContain('out of retention');

    page.find<HTMLButtonElement>('[data-testid=history-error] button')!.click();
    await page.fixture.whenStable();
    answerHistory();
    await page.fixture.whenStable();
    expect(page.find('[data-testid=history-error]')).toBeNull();
    expect(page.find('[data-testid=timeline]')).not.toBeNull();
  });
});
