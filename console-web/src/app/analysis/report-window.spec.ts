import { report } from '../../testing/fixtures';
import { LIVE_WINDOW_MS, isRepeat, slideWindow } from './report-window';

describe('live report window', () => {
  const t0 = 1_700_000_000_000;

  it('keeps the last minute of agent time, in order', () => {
    let sut = [report(1, t0)];
    sut = slideWindow(sut, report(3, t0 + 2000));
    sut = slideWindow(sut, report(2, t0 + 1000));
    expect(sut.map((r) => r.seq)).toEqual([1, 2, 3]);

    sut = slideWindow(sut, report(4, t0 + LIVE_WINDOW_MS + 500));
    expect(sut.map((r) => r.seq)).toEqual([2, 3, 4]);
  });

  it('counts a repeated report once, but the same seq on another interface twice', () => {
    const first = report(5, t0);
    const sut = slideWindow(slideWindow([first], report(5, t0)), {
      ...report(5, t0),
      interface: 'eth1',
    });
    expect(sut.length).toBe(2);
    expect(isRepeat(sut, first)).toBeTrue();
    expect(isRepeat(sut, report(6, t0))).toBeFalse();
  });
});
