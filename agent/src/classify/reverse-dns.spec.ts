import { NameTable } from './name-table';
import { ReverseDns } from './reverse-dns';

describe(ReverseDns.name, () => {
  const settle = () => new Promise((r) => setImmediate(r));

  it('names unnamed addresses, asks each once and keeps to its rate', async () => {
    const names = new NameTable(100);
    names.learn('192.0.2.9', 'known.example');
    const asked: string[] = [];
    const sut = new ReverseDns({
      cacheSize: 100,
      lookup: (a) => {
        asked.push(a);
        return a === '192.0.2.3'
          ? Promise.reject(new Error('ENOTFOUND'))
          : Promise.resolve([`ptr-${a}.example`]);
      },
      names,
      perSecond: 2,
    });

    sut.request(['192.0.2.9', '192.0.2.1', '192.0.2.2', '192.0.2.3'], 1_000);
    await settle();
    sut.request(['192.0.2.1', '192.0.2.3'], 1_500);
    sut.request(['192.0.2.1', '192.0.2.3'], 2_000);
    await settle();

    expect(asked).toEqual(['192.0.2.1', '192.0.2.2', '192.0.2.3']);
    expect(names.lookup('192.0.2.1')).toBe('ptr-192.0.2.1.example');
    expect(names.lookup('192.0.2.3')).toBeNull();
  });
});
