import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { report } from '../../../testing/fixtures';
import { TrafficChartComponent } from './traffic-chart.component';
import { sampleFromReport, toTrafficSeries } from './traffic-sample';

describe(TrafficChartComponent.name, () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
  });

  it('draws a packets/s and a bytes/s line from the samples', async () => {
    const t0 = 1_700_000_000_000;
    const fixture = TestBed.createComponent(TrafficChartComponent);
    fixture.componentRef.setInput(
      'series',
      toTrafficSeries(
        [1, 2, 3].map((i) => sampleFromReport(report(i, t0 + i * 1000, i * 10, i * 100))),
      ),
    );
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;

    expect(el.querySelectorAll('ngx-charts-line-chart').length).toBe(2);
    // Total, in and out on each chart.
    expect(el.querySelectorAll('path.line').length).toBe(6);
    expect(el.textContent).toContain('Packets per second');
  });

  it('says so when there is no traffic', async () => {
    const fixture = TestBed.createComponent(TrafficChartComponent);
    fixture.componentRef.setInput('series', toTrafficSeries([]));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;

    expect(el.querySelector('ngx-charts-line-chart')).toBeNull();
    expect(el.textContent).toContain('No traffic reported');
  });
});
