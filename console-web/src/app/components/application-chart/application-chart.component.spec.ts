import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { APPLICATION_BARS, ApplicationChartComponent } from './application-chart.component';

describe(ApplicationChartComponent.name, () => {
  it('draws the busiest applications and folds the rest into "others"', async () => {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
    const fixture = TestBed.createComponent(ApplicationChartComponent);
    const names = ['dns', 'tls', 'ssh', 'http', 'quic', 'ntp', 'mdns', 'smb', 'rdp', 'ldap', 'sip'];
    fixture.componentRef.setInput(
      'counters',
      Object.fromEntries(names.map((name, i) => [name, { bytes: 1000 - i * 10, packets: 1 }])),
    );
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;

    expect(el.querySelector('ngx-charts-bar-horizontal')).not.toBeNull();
    expect(el.querySelectorAll('path.bar').length).toBe(APPLICATION_BARS);
    const rows = [...el.querySelectorAll('tr[data-name]')].map((tr) =>
      tr.getAttribute('data-name'),
    );
    expect(rows.length).toBe(APPLICATION_BARS);
    expect(rows[0]).toBe('dns');
    expect(rows.at(-1)).toBe('others');
    // ldap (910) and sip (900) together.
    expect(el.querySelector('tr[data-name=others]')?.textContent).toContain('1.81 kB');
  });
});
