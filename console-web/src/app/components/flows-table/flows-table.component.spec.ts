import { TestBed } from '@angular/core/testing';
import { flow } from '../../../testing/fixtures';
import { FlowsTableComponent } from './flows-table.component';
import { formatEndpoint } from './endpoint';

describe(FlowsTableComponent.name, () => {
  it('shows each flow both ways with flags, tunnel marker, names, others and total', async () => {
    const fixture = TestBed.createComponent(FlowsTableComponent);
    fixture.componentRef.setInput('names', new Map([['93.184.216.34', 'example.com']]));
    fixture.componentRef.setInput('view', {
      others: { bytes: 2500, packets: 5 },
      rows: [
        flow({ tcpFlags: 'SA' }),
        flow({ a: 'fd00::1', aPort: 5000, b: 'fd00::2', bPort: 6000, tunnel: 'gre' }),
      ],
      total: { bytes: 3600, packets: 8 },
    });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const rows = el.querySelectorAll('tbody tr');

    expect(rows.length).toBe(2);
    expect(rows[0].textContent).toContain('10.0.0.5:40000');
    expect(rows[0].textContent).toContain('93.184.216.34:443');
    expect(rows[0].querySelector('.name')?.textContent).toBe('example.com');
    expect(rows[0].textContent).toContain('tls');
    expect(rows[0].textContent).toContain('100 B');
    expect(rows[0].textContent).toContain('1.00 kB');
    expect(rows[0].querySelector('code')?.textContent).toBe('SA');
    expect(rows[0].querySelector('.badge')).toBeNull();
    expect(rows[1].textContent).toContain('[fd00::1]:5000');
    expect(rows[1].querySelector('.badge')?.textContent?.trim()).toBe('in gre');
    expect(el.querySelector('[data-test=others]')?.textContent).toContain('2.50 kB');
    expect(el.querySelector('[data-test=total]')?.textContent).toContain('3.60 kB');
  });

  it('formats endpoints for IPv4, IPv6 and port-less transports', () => {
    expect(formatEndpoint('10.0.0.1', 53)).toBe('10.0.0.1:53');
    expect(formatEndpoint('2001:db8::1', 443)).toBe('[2001:db8::1]:443');
    expect(formatEndpoint('10.0.0.1', null)).toBe('10.0.0.1');
  });
});
