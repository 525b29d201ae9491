import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { LoginResponse } from '@nta/contracts';
import { AuthService } from './auth.service';
import { SessionStore } from './session.store';

describe(AuthService.name, () => {
  const response: LoginResponse = {
    expiresAt: Date.now() + 3_600_000,
    token: 'jwt-1',
    user: { role: 'admin', username: 'admin' },
  };
  let http: HttpTestingController;
  let session: SessionStore;
  let sut: AuthService;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionStore);
    sut = TestBed.inject(AuthService);
  });

  afterEach(() => http.verify());

  it('posts the credentials and keeps the session', () => {
    let answer: LoginResponse | undefined;
    sut.login({ password: 'secret', username: 'admin' }).subscribe((res) => (answer = res));

    const req = http.expectOne('/api/auth/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ password: 'secret', username: 'admin' });
    req.flush(response);

    expect(answer).toEqual(response);
    expect(session.token()).toBe('jwt-1');
    expect(session.isValid()).toBeTrue();
    expect(JSON.parse(localStorage.getItem('nta.session') ?? '{}').token).toBe('jwt-1');
  });

  it('keeps no session when the password is wrong', () => {
    let status = 0;
    sut.login({ password: 'nope', username: 'admin' }).subscribe({
      error: (err: { status: number }) => (status = err.status),
    });
    http
      .expectOne('/api/auth/login')
      .flush(
        { code: 'UNAUTHORIZED', message: 'bad credentials', statusCode: 401 },
        { status: 401, statusText: 'Unauthorized' },
      );

    expect(status).toBe(401);
    expect(session.token()).toBeNull();
  });

  it('forgets the session on logout and goes to the login page', () => {
    session.save(response);
    const navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);

    sut.logout();

    expect(session.token()).toBeNull();
    expect(localStorage.getItem('nta.session')).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login']);
  });

  it('treats an expired session as signed out', () => {
    session.save({ ...response, expiresAt: Date.now() - 1 });
    expect(session.isValid()).toBeFalse();
  });
});
