import { learnNames } from './name-book';

describe('DNS name book', () => {
  it('adds and renews names, keeping the same map when nothing is new', () => {
    const book = learnNames(new Map(), { '1.1.1.1': 'one.one.one.one' });
    expect(learnNames(book, {})).toBe(book);

    const renewed = learnNames(book, { '1.1.1.1': 'cloudflare-dns.com', '8.8.8.8': 'dns.google' });
    expect([...renewed]).toEqual([
      ['1.1.1.1', 'cloudflare-dns.com'],
      ['8.8.8.8', 'dns.google'],
    ]);
    expect(book.get('1.1.1.1')).toBe('one.one.one.one');
  });

  it('forgets the oldest names past the cap', () => {
    let sut = learnNames(new Map(), { a: '1', b: '2' }, 2);
    sut = learnNames(sut, { a: '1 again' }, 2);
    sut = learnNames(sut, { c: '3' }, 2);
    expect([...sut.keys()]).toEqual(['a', 'c']);
  });
});
