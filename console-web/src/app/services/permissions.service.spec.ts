import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { UserRole } from '@nta/contracts';
import { PermissionsService } from './permissions.service';
import { SessionStore } from './session.store';

describe(PermissionsService.name, () => {
  let http: HttpTestingController;
  let session: SessionStore;
  let sut: PermissionsService;

  const signIn = (role: UserRole, token = 't1') =>
    session.save({ expiresAt: Date.now() + 60_000, token, user: { role, username: 'ann' } });

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionStore);
    sut = TestBed.inject(PermissionsService);
  });

  afterEach(() => http.verify());

  it('has no role and no admin rights while signed out', () => {
    TestBed.tick();
    expect(sut.role()).toBeNull();
    expect(sut.canAdmin()).toBeFalse();
  });

  it('uses the login role until /api/auth/me answers, then the server role', () => {
    signIn('admin');
    TestBed.tick();
    expect(sut.canAdmin()).toBeTrue();

    // The server is the authority: a demoted user loses the controls.
    http.expectOne('/api/auth/me').flush({ kind: 'user', role: 'viewer', username: 'ann' });
    expect(sut.me()?.kind).toBe('user');
    expect(sut.role()).toBe('viewer');
    expect(sut.canAdmin()).toBeFalse();
  });

  it('keeps the login role when /api/auth/me fails, and asks again for a new session', () => {
    signIn('viewer');
    TestBed.tick();
    http.expectOne('/api/auth/me').flush(null, { status: 500, statusText: 'Server Error' });
    expect(sut.role()).toBe('viewer');

    signIn('admin', 't2');
    TestBed.tick();
    http.expectOne('/api/auth/me').flush({ kind: 'user', role: 'admin', username: 'ann' });
    expect(sut.canAdmin()).toBeTrue();

    session.clear();
    TestBed.tick();
    expect(sut.me()).toBeNull();
    expect(sut.canAdmin()).toBeFalse();
  });
});
