import { TestBed } from '@angular/core/testing';
import { talker } from '../../../testing/fixtures';
import { TalkersTableComponent } from './talkers-table.component';

describe(TalkersTableComponent.name, () => {
  it('lists addresses with names, in/out, and an others row', async () => {
    const fixture = TestBed.createComponent(TalkersTableComponent);
    fixture.componentRef.setInput('heading', 'Remote');
    fixture.componentRef.setInput('view', {
      others: { bytes: 4000, packets: 4 },
      rows: [
        talker('8.8.8.8', { bytesIn: 1500, bytesOut: 500, name: 'dns.google', packetsIn: 3 }),
        talker('203.0.113.9', { bytesOut: 10, packetsOut: 1 }),
      ],
      total: { bytes: 6010, packets: 8 },
    });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;

    expect(el.querySelector('h3')?.textContent).toBe('Remote');
    const google = el.querySelector('tr[data-address="8.8.8.8"]')!;
    expect(google.querySelector('.name')?.textContent).toBe('dns.google');
    expect(google.textContent).toContain('1.50 kB');
    expect(google.textContent).toContain('2.00 kB');
    expect(el.querySelector('tr[data-address="203.0.113.9"] .name')).toBeNull();
    expect(el.querySelector('[data-test=others]')?.textContent).toContain('4.00 kB');
    expect(el.querySelector('[data-test=total]')?.textContent).toContain('6.01 kB');
  });

  it('says so when the side saw no traffic', async () => {
    const fixture = TestBed.createComponent(TalkersTableComponent);
    fixture.componentRef.setInput('heading', 'Local');
    const zero = { bytes: 0, packets: 0 };
    fixture.componentRef.setInput('view', { others: zero, rows: [], total: zero });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('No traffic');
  });
});
