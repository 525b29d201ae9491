import { SampleRing } from './sample-ring';

describe(SampleRing.name, () => {
  let sut: SampleRing<number>;

  beforeEach(() => {
    sut = new SampleRing<number>(3);
  });

  it('returns what was pushed, newest first', () => {
    sut.push(1);
    sut.push(2);

    expect(sut.newestFirst()).toEqual([2, 1]);
    expect(sut.newestFirst(1)).toEqual([2]);
  });

  it('overwrites the oldest entries once full', () => {
    for (let i = 1; i <= 7; i++) sut.push(i);

    expect(sut.size).toBe(3);
    expect(sut.newestFirst(10)).toEqual([7, 6, 5]);
  });
});
