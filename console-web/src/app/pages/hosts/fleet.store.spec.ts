import { TestBed } from '@angular/core/testing';
import { hostDetail } from '../../../testing/fleet-fixtures';
import { host } from '../../../testing/fixtures';
import { FleetStore } from './fleet.store';

describe(FleetStore.name, () => {
  let frames: (() => void)[];
  let sut: FleetStore;

  const runFrame = () => frames.splice(0).forEach((frame) => frame());
  const rate = (id: string) => sut.rows().find((r) => r.id === id)?.rate.bytesPerSec;

  beforeEach(() => {
    frames = [];
    TestBed.configureTestingModule({ providers: [FleetStore] });
    sut = TestBed.inject(FleetStore);
    sut.schedule = (callback) => {
      frames.push(callback);
      return () => (frames = frames.filter((f) => f !== callback));
    };
  });

  it('applies many events in one frame, with one write', () => {
    sut.set([hostDetail({ id: 'a1' }), hostDetail({ id: 'a2' })], 2);
    const before = sut.rows();
    for (let i = 1; i <= 5; i++) {
      sut.apply(host({ id: 'a1', rate: { bytesPerSec: i, packetsPerSec: 1 } }));
      sut.apply(host({ id: 'a2', rate: { bytesPerSec: 10 * i, packetsPerSec: 1 } }));
    }
    expect(frames.length).toBe(1);
    expect(sut.rows()).toBe(before);

    runFrame();
    expect([rate('a1'), rate('a2')]).toEqual([5, 50]);
    // Every event is a sparkline sample, not just the last one of the frame.
    expect(sut.rows()[0].bytesHistory).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('replays events that came while the list loaded', () => {
    sut.apply(host({ id: 'a1', rate: { bytesPerSec: 42, packetsPerSec: 1 } }));
    sut.apply(host({ id: 'a9' }));
    expect(frames.length).toBe(0);
    expect(sut.loaded()).toBeFalse();

    sut.set([hostDetail({ id: 'a1' })], 1);
    expect(rate('a1')).toBe(42);
    expect(sut.rows().map((r) => r.id)).toEqual(['a1', 'a9']);
    expect(sut.total()).toBe(2);
  });

  it('drops a pending frame when destroyed', () => {
    sut.set([hostDetail({ id: 'a1' })], 1);
    sut.apply(host({ id: 'a1' }));
    expect(frames.length).toBe(1);
    TestBed.resetTestingModule();
    expect(frames.length).toBe(0);
  });
});
