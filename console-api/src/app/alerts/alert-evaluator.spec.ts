import { AlertEvaluator } from './alert-evaluator';

describe(AlertEvaluator.name, () => {
  const FOR = 5000;
  let sut: AlertEvaluator;

  beforeEach(() => {
    sut = new AlertEvaluator();
  });

  it('fires only after the condition held for forMs', () => {
    expect(sut.observe('k', true, 0, FOR)).toBeNull();
    expect(sut.observe('k', true, 4999, FOR)).toBeNull();
    expect(sut.observe('k', true, 5000, FOR)).toBe('fire');
    expect(sut.observe('k', true, 9000, FOR)).toBeNull();
    expect(sut.isFiring('k')).toBeTrue();
  });

  it('restarts the wait when the condition breaks before forMs', () => {
    sut.observe('k', true, 0, FOR);
    sut.observe('k', false, 3000, FOR);

    expect(sut.observe('k', true, 4000, FOR)).toBeNull();
    expect(sut.observe('k', true, 8999, FOR)).toBeNull();
    expect(sut.observe('k', true, 9000, FOR)).toBe('fire');
  });

  it('resolves only after the condition stayed clear for forMs (no flapping)', () => {
    sut.observe('k', true, 0, 0);
    expect(sut.isFiring('k')).toBeTrue();

    expect(sut.observe('k', false, 1000, FOR)).toBeNull();
    expect(sut.observe('k', true, 2000, FOR)).toBeNull();
    expect(sut.observe('k', false, 3000, FOR)).toBeNull();
    expect(sut.observe('k', false, 8000, FOR)).toBe('resolve');
    expect(sut.isFiring('k')).toBeFalse();
  });

  it('fires and resolves at once with forMs 0', () => {
    expect(sut.observe('k', true, 10, 0)).toBe('fire');
    expect(sut.observe('k', false, 20, 0)).toBe('resolve');
  });

  it('holds its state while there is no observation', () => {
    sut.observe('k', true, 0, FOR);
    expect(sut.observe('k', null, 6000, FOR)).toBeNull();
    expect(sut.observe('k', true, 6000, FOR)).toBe('fire');
    expect(sut.observe('k', null, 99_000, FOR)).toBeNull();
    expect(sut.isFiring('k')).toBeTrue();
  });

  it('keeps keys apart', () => {
    sut.observe('a', true, 0, 0);
    expect(sut.observe('b', false, 0, 0)).toBeNull();
    expect(sut.firingKeys()).toEqual(['a']);
  });

  it('restores firing keys and hands back the firing ones it drops', () => {
    sut.restore('old');
    sut.observe('pending', true, 0, FOR);
    sut.observe('kept', true, 0, 0);

    expect(sut.retain(new Set(['kept']))).toEqual(['old']);
    expect(sut.firingKeys()).toEqual(['kept']);
    expect(sut.observe('old', false, 1, 0)).toBeNull();
  });
});
