import { TestBed } from '@angular/core/testing';
import {
  ActivatedRouteSnapshot,
  RouterStateSnapshot,
  UrlTree,
  provideRouter,
} from '@angular/router';
import { authGuard } from './auth.guard';
import { SessionStore } from './session.store';

describe('authGuard', () => {
  const run = (url: string): unknown =>
    TestBed.runInInjectionContext(() =>
      authGuard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot),
    );

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
  });

  it('redirects to the login page with the wanted URL when signed out', () => {
    const result = run('/hosts/a1');
    expect(result).toBeInstanceOf(UrlTree);
    expect(String(result)).toBe('/login?returnUrl=%2Fhosts%2Fa1');
  });

  it('lets a valid session through', () => {
    TestBed.inject(SessionStore).save({
      expiresAt: Date.now() + 60_000,
      token: 't',
      user: { role: 'admin', username: 'admin' },
    });
    expect(run('/hosts')).toBeTrue();
  });
});
