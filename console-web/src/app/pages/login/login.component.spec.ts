import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { SessionStore } from '../../services/session.store';
import { LoginComponent } from './login.component';

describe(LoginComponent.name, () => {
  let fixture: ComponentFixture<LoginComponent>;
  let http: HttpTestingController;
  let navigate: jasmine.Spy;

  const el = () => fixture.nativeElement as HTMLElement;
  const type = (selector: string, value: string) => {
    const input = el().querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const submit = async (username: string, password: string) => {
    type('#username', username);
    type('#password', password);
    el().querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await fixture.whenStable();
  };

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
    fixture = TestBed.createComponent(LoginComponent);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('signs in and goes to the hosts page', async () => {
    await submit('admin', 'secret');
    const req = http.expectOne('/api/auth/login');
    expect(req.request.body).toEqual({ password: 'secret', username: 'admin' });
    req.flush({
      expiresAt: Date.now() + 60_000,
      token: 'jwt',
      user: { role: 'admin', username: 'admin' },
    });
    await fixture.whenStable();

    expect(TestBed.inject(SessionStore).token()).toBe('jwt');
    expect(navigate).toHaveBeenCalledWith('/hosts');
  });

  it('returns to the page the guard sent it from, but never to another origin', async () => {
    fixture.componentRef.setInput('returnUrl', '//evil.example/x');
    await submit('admin', 'secret');
    http.expectOne('/api/auth/login').flush({
      expiresAt: Date.now() + 60_000,
      token: 'jwt',
      user: { role: 'admin', username: 'a' },
    });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith('/hosts');

    fixture.componentRef.setInput('returnUrl', '/hosts/a1');
    await submit('admin', 'secret');
    http.expectOne('/api/auth/login').flush({
      expiresAt: Date.now() + 60_000,
      token: 'jwt',
      user: { role: 'admin', username: 'a' },
    });
    expect(navigate).toHaveBeenCalledWith('/hosts/a1');
  });

  it('shows a message on a wrong password and stays on the page', async () => {
    await submit('admin', 'wrong');
    http
      .expectOne('/api/auth/login')
      .flush(
        { code: 'UNAUTHORIZED', message: 'Invalid credentials', statusCode: 401 },
        { status: 401, statusText: 'Unauthorized' },
      );
    await fixture.whenStable();

    expect(el().querySelector('[role=alert]')?.textContent).toContain('Wrong username or password');
    expect(navigate).not.toHaveBeenCalled();
    expect(TestBed.inject(SessionStore).token()).toBeNull();
  });

  it('does not call the API with empty fields', async () => {
    await submit('', '');
    http.expectNone('/api/auth/login');
    expect(el().textContent).toContain('Enter your username.');
  });
});
