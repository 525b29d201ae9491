import { TestBed } from '@angular/core/testing';
import { RangePickerComponent } from './range-picker.component';
import { LIVE_RANGE, TimeRange } from './time-range';

describe(RangePickerComponent.name, () => {
  async function render() {
    const fixture = TestBed.createComponent(RangePickerComponent);
    fixture.componentRef.setInput('value', LIVE_RANGE);
    const emitted: TimeRange[] = [];
    fixture.componentInstance.changed.subscribe((r) => emitted.push(r));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const click = async (testid: string) => {
      el.querySelector<HTMLElement>(`[data-testid="${testid}"]`)?.click();
      await fixture.whenStable();
    };
    return { el, emitted, click, fixture };
  }

  it('marks the current range and emits a preset ending now', async () => {
    const { el, emitted, click } = await render();
    expect(el.querySelector('[data-testid="range-live"]')?.getAttribute('aria-pressed')).toBe(
      'true',
    );

    const before = Date.now();
    await click('range-1h');

    expect(emitted.length).toBe(1);
    const range = emitted[0] as { from: number; preset: string; to: number };
    expect(range.preset).toBe('1h');
    expect(range.to).toBeGreaterThanOrEqual(before);
    expect(range.to - range.from).toBe(3_600_000);
  });

  it('emits a custom range and refuses one that ends before it starts', async () => {
    const { el, emitted, click, fixture } = await render();
    await click('range-custom');
    const from = el.querySelector<HTMLInputElement>('[data-testid="range-from"]')!;
    const to = el.querySelector<HTMLInputElement>('[data-testid="range-to"]')!;
    const submit = () => el.querySelector<HTMLButtonElement>('.custom button')!.click();

    from.value = '2026-01-02T10:00';
    to.value = '2026-01-01T10:00';
    submit();
    await fixture.whenStable();
    expect(emitted).toEqual([]);
    expect(el.querySelector('.custom [role=alert]')?.textContent).toContain('before the end');

    to.value = '2026-01-02T12:00';
    submit();
    expect(emitted.length).toBe(1);
    expect(emitted[0].preset).toBe('custom');
  });
});
