import { NameTable } from './name-table';

describe(NameTable.name, () => {
  it('hands out new and changed names once, without a trailing dot', () => {
    const sut = new NameTable(10);
    sut.learn('192.0.2.1', 'a.example.');
    sut.learn('192.0.2.1', 'a.example');

    expect(sut.takeFresh(100)).toEqual({ '192.0.2.1': 'a.example' });
    expect(sut.takeFresh(100)).toEqual({});
    sut.learn('192.0.2.1', 'b.example');
    expect(sut.takeFresh(100)).toEqual({ '192.0.2.1': 'b.example' });
    expect(sut.lookup('192.0.2.1')).toBe('b.example');
  });

  it('stays within its capacity, forgetting the oldest name', () => {
    const sut = new NameTable(3);
    for (let i = 1; i <= 5; i++) sut.learn(`192.0.2.${i}`, `h${i}.example`);

    expect(sut.size).toBe(3);
    expect(sut.lookup('192.0.2.1')).toBeNull();
    expect(sut.lookup('192.0.2.5')).toBe('h5.example');
    expect(Object.keys(sut.takeFresh(2)).length).toBe(2);
  });
});
