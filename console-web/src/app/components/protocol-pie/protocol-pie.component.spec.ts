import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { transport } from '../../../testing/fixtures';
import { ProtocolPieComponent } from './protocol-pie.component';

describe(ProtocolPieComponent.name, () => {
  let fixture: ComponentFixture<ProtocolPieComponent>;
  const el = () => fixture.nativeElement as HTMLElement;
  const legend = () =>
    [...el().querySelectorAll('tr[data-name]')].map((tr) => [
      tr.getAttribute('data-name'),
      tr.querySelector('.pct')?.textContent?.trim(),
    ]);

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
    fixture = TestBed.createComponent(ProtocolPieComponent);
  });

  it('draws a slice per transport seen, the new ones included, with shares by bytes', async () => {
    fixture.componentRef.setInput(
      'counters',
      transport({
        esp: { bytes: 100, packets: 1 },
        gre: { bytes: 100, packets: 1 },
        sctp: { bytes: 200, packets: 8 },
        tcp: { bytes: 600, packets: 10 },
      }),
    );
    await fixture.whenStable();

    expect(el().querySelector('ngx-charts-pie-chart')).not.toBeNull();
    expect(el().querySelectorAll('path.arc').length).toBe(4);
    expect(legend()).toEqual([
      ['tcp', '60.0 %'],
      ['sctp', '20.0 %'],
      ['esp', '10.0 %'],
      ['gre', '10.0 %'],
    ]);
  });

  it('switches to packets', async () => {
    fixture.componentRef.setInput(
      'counters',
      transport({ sctp: { bytes: 200, packets: 30 }, tcp: { bytes: 600, packets: 10 } }),
    );
    await fixture.whenStable();
    [...el().querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Packets')!.click();
    await fixture.whenStable();

    expect(legend()).toEqual([
      ['sctp', '75.0 %'],
      ['tcp', '25.0 %'],
    ]);
    expect(el().querySelector('tr[data-name=sctp]')?.textContent).toContain('30');
  });

  it('says so when the window is empty', async () => {
    fixture.componentRef.setInput('counters', transport());
    await fixture.whenStable();
    expect(el().querySelector('ngx-charts-pie-chart')).toBeNull();
    expect(el().textContent).toContain('No traffic in this window');
  });
});
