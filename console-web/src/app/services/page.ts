import type { Page } from '@nta/contracts';
import { Observable, map } from 'rxjs';

/** Items of a list answer; accepts a bare array too, from a console not yet paging that route. */
export function pageItems<T>(source: Observable<Page<T> | T[]>): Observable<T[]> {
  return source.pipe(map((res) => (Array.isArray(res) ? res : res.items)));
}
