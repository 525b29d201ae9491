import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { FakeLiveService } from '../../../testing/fake-live.service';
import { FakePermissionsService } from '../../../testing/fake-permissions.service';
import { fleetSummary, hostDetail, page } from '../../../testing/fleet-fixtures';
import { host } from '../../../testing/fixtures';
import { LiveService } from '../../services/live.service';
import { PermissionsService } from '../../services/permissions.service';
import { HostsComponent } from './hosts.component';

const HOSTS_URL = '/api/hosts?limit=1000';
const SUMMARY_URL = '/api/fleet/summary';
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

describe(HostsComponent.name, () => {
  let fixture: ComponentFixture<HostsComponent>;
  let http: HttpTestingController;
  let live: FakeLiveService;
  let permissions: FakePermissionsService;

  const el = () => fixture.nativeElement as HTMLElement;
  const row = (id: string) => el().querySelector<HTMLElement>(`[data-host="${id}"]`);
  const shownIds = () =>
    [...el().querySelectorAll<HTMLElement>('[data-host]')].map((r) => r.dataset['host']);
  const text = (id: string, test: string) =>
    row(id)?.querySelector(`[data-test=${test}]`)?.textContent?.trim();
  const select = async (test: string, value: string) => {
    const control = el().querySelector<HTMLSelectElement>(`[data-test=${test}]`)!;
    control.value = value;
    control.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  };
  const settle = async () => {
    await fixture.whenStable();
    // The virtual scroller renders its rows a frame after it measured itself.
    await nextFrame();
    await fixture.whenStable();
  };

  beforeEach(async () => {
    live = new FakeLiveService();
    permissions = new FakePermissionsService();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideRouter([]),
        { provide: LiveService, useValue: live },
        { provide: PermissionsService, useValue: permissions },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HostsComponent);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const loadFleet = async (hosts = FLEET) => {
    http.expectOne(HOSTS_URL).flush(page(hosts));
    http.expectOne(SUMMARY_URL).flush(fleetSummary());
    await settle();
  };

  it('shows a loading state, then a row per host with its rates, capture and coverage', async () => {
    expect(el().querySelector('[data-test=loading]')).not.toBeNull();
    await loadFleet();

    expect(el().querySelector('[data-test=loading]')).toBeNull();
    expect(row('a1')?.textContent).toContain('Web one');
    expect(row('a1')?.textContent).toContain('prod');
    expect(row('a1')?.textContent).toContain('eu');
    expect(text('a1', 'pps')).toBe('12');
    expect(text('a1', 'bps')).toBe('2.00 kB/s');
    expect(text('a1', 'capture')).toContain('capturing eth0');
    expect(text('a1', 'coverage')).toBe('99.5 %');
    expect(text('a3', 'coverage')).toBe('–');
    expect(row('a3')?.textContent).toContain('offline');
    expect(row('a1')?.querySelectorAll('nta-sparkline polyline').length).toBe(2);
    expect(el().querySelector('[data-test=online]')?.textContent).toContain('2 of 3 online');
  });

  it('shows the fleet totals and follows the live fleet summary', async () => {
    await loadFleet();
    expect(live.fleetListeners).toBe(1);
    expect(el().querySelector('nta-fleet-totals [data-test=bps]')?.textContent).toContain(
      '3.00 MB/s',
    );
    expect(el().querySelector('nta-protocol-pie')).not.toBeNull();

    live.fleetEvents.next(fleetSummary({ rate: { bytesPerSec: 5_000, packetsPerSec: 4 } }));
    await fixture.whenStable();
    expect(el().querySelector('nta-fleet-totals [data-test=bps]')?.textContent).toContain(
      '5.00 kB/s',
    );
    fixture.destroy();
    expect(live.fleetListeners).toBe(0);
  });

  it('applies host events once per frame and grows the sparkline', async () => {
    await loadFleet();
    // Heights of the packets/s sparkline's points: one sample is a flat line.
    const heights = () =>
      row('a1')
        ?.querySelector('nta-sparkline polyline')
        ?.getAttribute('points')
        ?.split(' ')
        .map((point) => Number(point.split(',')[1]));
    expect(heights()?.length).toBe(2);
    expect(heights()?.[0]).toBe(heights()?.[1]);

    live.hostEvents.next(host({ id: 'a1', rate: { bytesPerSec: 1_500_000, packetsPerSec: 987 } }));
    live.hostEvents.next(host({ hostname: 'new-box', id: 'a4' }));
    // Not before the frame: the updates are batched.
    await fixture.whenStable();
    expect(text('a1', 'pps')).toBe('12');

    await settle();
    expect(text('a1', 'pps')).toBe('987');
    expect(text('a1', 'bps')).toBe('1.50 MB/s');
    // The name set on the console survives a live update that carries only the agent's fields.
    expect(row('a1')?.textContent).toContain('Web one');
    // Now 12 then 987 packets/s: the line climbs (SVG y grows downwards).
    expect(heights()?.length).toBe(2);
    expect(heights()![1]).toBeLessThan(heights()![0]);
    expect(row('a4')?.textContent).toContain('new-box');
    expect(el().querySelector('[data-test=online]')?.textContent).toContain('3 of 4 online');
  });

  it('searches, filters by state, group and label, and sorts', async () => {
    await loadFleet();
    expect(shownIds()).toEqual(['a2', 'a3', 'a1']);

    const search = el().querySelector<HTMLInputElement>('[data-test=search]')!;
    search.value = 'DB';
    search.dispatchEvent(new Event('input'));
    await settle();
    expect(shownIds()).toEqual(['a2']);

    search.value = '';
    search.dispatchEvent(new Event('input'));
    await select('group', 'prod');
    await settle();
    expect(shownIds()).toEqual(['a2', 'a1']);

    await select('label', 'eu');
    await settle();
    expect(shownIds()).toEqual(['a1']);

    await select('group', '');
    await select('label', '');
    await select('state', 'offline');
    await settle();
    expect(shownIds()).toEqual(['a3']);

    await select('state', 'all');
    const header = (name: string) =>
      [...el().querySelectorAll<HTMLButtonElement>('.sort')].find((b) =>
        b.textContent?.includes(name),
      )!;
    header('Bytes/s').click();
    await settle();
    expect(shownIds()).toEqual(['a2', 'a1', 'a3']);
    header('Bytes/s').click();
    await settle();
    expect(shownIds()).toEqual(['a3', 'a1', 'a2']);
  });

  it('says when no host matches the filters', async () => {
    await loadFleet();
    const search = el().querySelector<HTMLInputElement>('[data-test=search]')!;
    search.value = 'nothing-like-this';
    search.dispatchEvent(new Event('input'));
    await settle();
    expect(el().querySelector('[data-test=no-match]')).not.toBeNull();
  });

  it('shows an empty state without hosts', async () => {
    await loadFleet([]);
    expect(el().textContent).toContain('No hosts yet.');
  });

  it('offers Add host to admins only', async () => {
    await loadFleet();
    expect(el().querySelector('[data-test=add-host]')).not.toBeNull();
    permissions.role.set('viewer');
    await fixture.whenStable();
    expect(el().querySelector('[data-test=add-host]')).toBeNull();
  });

  it('shows the error and retries; a missing summary does not hide the hosts', async () => {
    http
      .expectOne(HOSTS_URL)
      .flush(
        { code: 'INTERNAL', message: 'database down', statusCode: 500 },
        { status: 500, statusText: 'Server Error' },
      );
    http.expectOne(SUMMARY_URL).flush(null, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    expect(el().querySelector('[role=alert]')?.textContent).toContain('database down');
    expect(el().querySelector('[data-test=summary-error]')).not.toBeNull();

    el().querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    await loadFleet();
    expect(row('a1')).not.toBeNull();
    expect(el().querySelector('[data-test=summary-error]')).toBeNull();
  });
});

const FLEET = [
  hostDetail({
    capture: { error: null, filter: null, interface: 'eth0', running: true, startedAt: 1 },
    displayName: 'Web one',
    group: 'prod',
    id: 'a1',
    labels: ['eu', 'web'],
    rate: { bytesPerSec: 2000, packetsPerSec: 12 },
  }),
  hostDetail({
    group: 'prod',
    hostname: 'db-1',
    id: 'a2',
    rate: { bytesPerSec: 90_000, packetsPerSec: 50 },
  }),
  hostDetail({ coveragePct: null, hostname: 'lab-1', id: 'a3', online: false }),
];
