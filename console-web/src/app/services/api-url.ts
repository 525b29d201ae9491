export const API_BASE = '/api';

/** `/api/hosts/<id>/...` with every segment URL-encoded, so a host id cannot change the path. */
export function apiUrl(...segments: string[]): string {
  return [API_BASE, ...segments.map(encodeURIComponent)].join('/');
}
