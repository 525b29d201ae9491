import { TestBed } from '@angular/core/testing';
import { report, transport } from '../../../testing/fixtures';
import { sampleFromReport } from '../traffic-chart/traffic-sample';
import { TransportTableComponent } from './transport-table.component';

describe(TransportTableComponent.name, () => {
  const names = (el: HTMLElement) =>
    [...el.querySelectorAll('tbody tr td:first-child')].map((td) => td.textContent);

  it('lists every transport, sctp, gre and esp included, busiest first', async () => {
    const fixture = TestBed.createComponent(TransportTableComponent);
    const sample = sampleFromReport({
      ...report(1, 1_700_000_000_000, 10, 1000),
      transport: transport({
        esp: { bytes: 300, packets: 3 },
        gre: { bytes: 200, packets: 2 },
        sctp: { bytes: 500, packets: 5 },
      }),
    });
    fixture.componentRef.setInput('sample', sample);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;

    expect(names(el).slice(0, 3)).toEqual(['sctp', 'esp', 'gre']);
    expect(names(el).length).toBe(9);
    expect(el.querySelector('tbody tr')?.textContent).toContain('50 %');
  });

  it('shows zero rows for transports stored history does not have yet', async () => {
    const fixture = TestBed.createComponent(TransportTableComponent);
    const sample = sampleFromReport(report(1, 1_700_000_000_000));
    // As stored before sctp, gre and esp were counted.
    const old: Partial<typeof sample.transport> = { ...sample.transport };
    delete old.esp;
    delete old.gre;
    delete old.sctp;
    fixture.componentRef.setInput('sample', { ...sample, transport: old });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;

    expect(names(el)).toContain('sctp');
    expect(el.querySelectorAll('tr.zero').length).toBe(8);
  });
});
