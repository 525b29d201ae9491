import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { UserSummary } from '@nta/contracts';
import { buttonByText, choose, setValue } from '../../../../testing/dom';
import { page } from '../../../../testing/fleet-fixtures';
import { SessionStore } from '../../../services/session.store';
import { UsersComponent } from './users.component';

const LIST_URL = '/api/users?limit=500';

function user(overrides: Partial<UserSummary> = {}): UserSummary {
  return {
    createdAt: 1_700_000_000_000,
    id: 'u1',
    lastLoginAt: null,
    role: 'viewer',
    username: 'bob',
    ...overrides,
  };
}

describe(UsersComponent.name, () => {
  let fixture: ComponentFixture<UsersComponent>;
  let http: HttpTestingController;
  const el = () => fixture.nativeElement as HTMLElement;
  const row = (id: string) => el().querySelector<HTMLElement>(`[data-user="${id}"]`)!;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    TestBed.inject(SessionStore).save({
      expiresAt: Date.now() + 60_000,
      token: 't',
      user: { role: 'admin', username: 'admin' },
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(UsersComponent);
    await fixture.whenStable();
    http
      .expectOne(LIST_URL)
      .flush(page([user({ id: 'u0', role: 'admin', username: 'admin' }), user()]));
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    localStorage.clear();
  });

  it('lists users; you cannot demote or delete yourself', () => {
    expect(row('u0').textContent).toContain('(you)');
    expect(row('u0').querySelector('select')?.disabled).toBeTrue();
    expect(buttonByText(row('u0'), 'Delete')).toBeUndefined();
    expect(row('u1').querySelector('select')?.value).toBe('viewer');
    expect(buttonByText(row('u1'), 'Delete')).toBeDefined();
  });

  it('creates a user, checking the password length first', async () => {
    setValue(el(), '[data-test=new-username]', 'carol');
    setValue(el(), '[data-test=new-password]', 'short');
    buttonByText(el(), 'Create user')!.click();
    await fixture.whenStable();
    expect(el().querySelector('[data-test=form-error]')).not.toBeNull();
    http.expectNone({ method: 'POST', url: '/api/users' });

    setValue(el(), '[data-test=new-password]', 'long-enough-pw');
    choose(el(), '[data-test=new-role]', 'admin');
    buttonByText(el(), 'Create user')!.click();
    const req = http.expectOne({ method: 'POST', url: '/api/users' });
    expect(req.request.body).toEqual({
      password: 'long-enough-pw',
      role: 'admin',
      username: 'carol',
    });
    req.flush(user({ id: 'u2', username: 'carol' }));
    http.expectOne(LIST_URL).flush(page([user()]));
  });

  it('changes a role and a password', async () => {
    const roleSelect = row('u1').querySelector('select')!;
    roleSelect.value = 'admin';
    roleSelect.dispatchEvent(new Event('change'));
    const roleReq = http.expectOne({ method: 'PATCH', url: '/api/users/u1' });
    expect(roleReq.request.body).toEqual({ role: 'admin' });
    roleReq.flush(user({ role: 'admin' }));
    http.expectOne(LIST_URL).flush(page([user({ role: 'admin' })]));
    await fixture.whenStable();

    buttonByText(row('u1'), 'Set password')!.click();
    await fixture.whenStable();
    setValue(row('u1'), 'input[type=password]', 'new-password-1');
    buttonByText(row('u1'), 'Save')!.click();
    const passwordReq = http.expectOne({ method: 'PATCH', url: '/api/users/u1' });
    expect(passwordReq.request.body).toEqual({ password: 'new-password-1' });
    passwordReq.flush(user());
    http.expectOne(LIST_URL).flush(page([user()]));
    await fixture.whenStable();
    expect(row('u1').querySelector('input[type=password]')).toBeNull();
  });

  it('deletes after confirmation and shows a refusal', async () => {
    spyOn(window, 'confirm').and.returnValue(true);
    buttonByText(row('u1'), 'Delete')!.click();
    http
      .expectOne({ method: 'DELETE', url: '/api/users/u1' })
      .flush(
        { code: 'CONFLICT', message: 'cannot delete the last admin', statusCode: 409 },
        { status: 409, statusText: 'Conflict' },
      );
    http.expectOne(LIST_URL).flush(page([user()]));
    await fixture.whenStable();
    expect(el().querySelector('[role=alert]')?.textContent).toContain('last admin');
  });
});
