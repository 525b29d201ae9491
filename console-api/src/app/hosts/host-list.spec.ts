import type { HostDetail } from '@nta/contracts';
import { escapeLike, hostListFilter, sortAndPage } from './host-list';

function host(id: string, fields: Partial<HostDetail> = {}): HostDetail {
  return {
    capture: null,
    coveragePct: null,
    displayName: null,
    group: null,
    hostname: null,
    id,
    labels: [],
    lastSeen: null,
    online: true,
    rate: { bytesPerSec: 0, packetsPerSec: 0 },
    version: null,
    ...fields,
  };
}

describe('host list', () => {
  it('builds no filter from an empty query', () => {
    expect(hostListFilter({})).toEqual({ params: [], where: 'true' });
  });

  it('numbers the parameters of every filter in order', () => {
    const sut = hostListFilter({ group: 'web', label: 'prod', online: 'false', search: '50%_x' });

    expect(sut.where).toBe(
      '(id ILIKE $1 OR hostname ILIKE $1 OR display_name ILIKE $1) AND "group" = $2 AND labels @> ARRAY[$3]::text[] AND online = $4',
    );
    expect(sut.params).toEqual(['%50\\%\\_x%', 'web', 'prod', false]);
  });

  it('escapes LIKE wildcards and the escape character', () => {
    expect(escapeLike('a\\b%c_d')).toBe('a\\\\b\\%c\\_d');
  });

  it('sorts by display name, then hostname, then id, case-insensitively', () => {
    const hosts = [
      host('z', { displayName: 'alpha' }),
      host('b', { hostname: 'Bravo' }),
      host('a'),
      host('c', { hostname: 'bravo' }),
    ];

    expect(
      sortAndPage(hosts, { limit: 10, offset: 0, sort: 'name' }).items.map((h) => h.id),
    ).toEqual(['a', 'z', 'b', 'c']);
  });

  it('sorts by rate busiest first and by last seen newest first, never-seen last', () => {
    const hosts = [
      host('quiet', { lastSeen: 5, rate: { bytesPerSec: 1, packetsPerSec: 9 } }),
      host('busy', { lastSeen: 1, rate: { bytesPerSec: 9, packetsPerSec: 1 } }),
      host('never'),
    ];
    const ids = (sort: 'bytes' | 'lastSeen' | 'packets') =>
      sortAndPage(hosts, { limit: 10, offset: 0, sort }).items.map((h) => h.id);

    expect(ids('bytes')).toEqual(['busy', 'quiet', 'never']);
    expect(ids('packets')).toEqual(['quiet', 'busy', 'never']);
    expect(ids('lastSeen')).toEqual(['quiet', 'busy', 'never']);
  });

  it('cuts a page and counts every match', () => {
    const hosts = ['a', 'b', 'c', 'd', 'e'].map((id) => host(id));

    expect(sortAndPage(hosts, { limit: 2, offset: 3, sort: 'name' })).toEqual({
      items: [host('d'), host('e')],
      limit: 2,
      offset: 3,
      total: 5,
    });
    expect(sortAndPage(hosts, { limit: 2, offset: 9, sort: 'name' }).items).toEqual([]);
  });
});
