import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { authInterceptor } from './auth.interceptor';
import { SessionStore } from './session.store';

describe('authInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let navigate: jasmine.Spy;
  let session: SessionStore;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    session = TestBed.inject(SessionStore);
    session.save({
      expiresAt: Date.now() + 60_000,
      token: 'jwt-1',
      user: { role: 'viewer', username: 'ann' },
    });
    navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
  });

  afterEach(() => http.verify());

  it('adds the bearer token to API calls', () => {
    client.get('/api/hosts').subscribe();
    const req = http.expectOne('/api/hosts');
    expect(req.request.headers.get('Authorization')).toBe('Bearer jwt-1');
    req.flush([]);
  });

  it('sends no token to the login route or to other origins', () => {
    client.post('/api/auth/login', {}).subscribe();
    client.get('https://example.com/api/hosts').subscribe();
    expect(http.expectOne('/api/auth/login').request.headers.has('Authorization')).toBeFalse();
    expect(
      http.expectOne('https://example.com/api/hosts').request.headers.has('Authorization'),
    ).toBeFalse();
  });

  it('ends the session and goes to the login page on a 401', () => {
    let failed = false;
    client.get('/api/hosts').subscribe({ error: () => (failed = true) });
    http
      .expectOne('/api/hosts')
      .flush(
        { code: 'UNAUTHORIZED', message: 'token expired', statusCode: 401 },
        { status: 401, statusText: 'Unauthorized' },
      );

    expect(failed).toBeTrue();
    expect(session.token()).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login'], jasmine.anything());
  });

  it('leaves the session alone on other errors and on a failed login', () => {
    client.get('/api/hosts').subscribe({ error: () => undefined });
    http.expectOne('/api/hosts').flush(null, { status: 500, statusText: 'Server Error' });
    client.post('/api/auth/login', {}).subscribe({ error: () => undefined });
    http.expectOne('/api/auth/login').flush(null, { status: 401, statusText: 'Unauthorized' });

    expect(session.token()).toBe('jwt-1');
    expect(navigate).not.toHaveBeenCalled();
  });
});
