import { TestBed } from '@angular/core/testing';
import { SparklineComponent, sparklinePoints } from './sparkline.component';

describe(SparklineComponent.name, () => {
  it('scales the series into the box, the peak at the top and zero at the bottom', () => {
    expect(sparklinePoints([0, 5, 10], 100, 21)).toBe('0,20.5 50,10.5 100,0.5');
  });

  it('keeps a flat series on the baseline and draws a single sample across', () => {
    expect(sparklinePoints([0, 0], 10, 11)).toBe('0,10.5 10,10.5');
    expect(sparklinePoints([], 10, 11)).toBe('');
    expect(sparklinePoints([7], 10, 11)).toBe('0,0.5 10,0.5');
  });

  it('draws one polyline that follows new values', async () => {
    const fixture = TestBed.createComponent(SparklineComponent);
    fixture.componentRef.setInput('values', [1, 2]);
    fixture.componentRef.setInput('width', 10);
    fixture.componentRef.setInput('height', 11);
    await fixture.whenStable();
    const line = () => (fixture.nativeElement as HTMLElement).querySelector('polyline');
    expect(line()?.getAttribute('points')).toBe('0,5.5 10,0.5');

    fixture.componentRef.setInput('values', [2, 1]);
    await fixture.whenStable();
    expect(line()?.getAttribute('points')).toBe('0,0.5 10,5.5');
  });
});
