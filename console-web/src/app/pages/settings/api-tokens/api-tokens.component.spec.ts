import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { ApiTokenSummary } from '@nta/contracts';
import { buttonByText, choose, setValue } from '../../../../testing/dom';
import { page } from '../../../../testing/fleet-fixtures';
import { ApiTokensComponent } from './api-tokens.component';

const LIST_URL = '/api/api-tokens?limit=500';

function apiToken(overrides: Partial<ApiTokenSummary> = {}): ApiTokenSummary {
  return {
    createdAt: 1_700_000_000_000,
    createdBy: 'admin',
    expiresAt: null,
    id: 'k1',
    lastUsedAt: null,
    name: 'grafana',
    prefix: 'nta_ab12',
    revokedAt: null,
    scope: 'read',
    ...overrides,
  };
}

describe(ApiTokensComponent.name, () => {
  let fixture: ComponentFixture<ApiTokensComponent>;
  let http: HttpTestingController;
  const el = () => fixture.nativeElement as HTMLElement;
  const row = (id: string) => el().querySelector<HTMLElement>(`[data-token="${id}"]`)!;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ApiTokensComponent);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('lists tokens by prefix with their state; revokes active ones', async () => {
    http
      .expectOne(LIST_URL)
      .flush(
        page([
          apiToken(),
          apiToken({ id: 'k2', revokedAt: 1 }),
          apiToken({ expiresAt: 1, id: 'k3' }),
        ]),
      );
    await fixture.whenStable();
    expect(row('k1').textContent).toContain('nta_ab12…');
    expect(['k1', 'k2', 'k3'].map((id) => row(id).querySelector('.badge')?.textContent)).toEqual([
      'active',
      'revoked',
      'expired',
    ]);
    expect(buttonByText(row('k2'), 'Revoke')).toBeUndefined();

    spyOn(window, 'confirm').and.returnValue(true);
    buttonByText(row('k1'), 'Revoke')!.click();
    http.expectOne({ method: 'DELETE', url: '/api/api-tokens/k1' }).flush(null);
    http.expectOne(LIST_URL).flush(page([]));
    await fixture.whenStable();
    expect(el().querySelector('[data-test=tokens-empty]')).not.toBeNull();
  });

  it('creates a token with a scope and shows its secret once', async () => {
    http.expectOne(LIST_URL).flush(page([]));
    setValue(el(), '[data-test=token-name]', 'ci');
    choose(el(), '[data-test=token-scope]', 'Read and write');
    choose(el(), '[data-test=token-expiry]', '90 days');
    buttonByText(el(), 'Create token')!.click();
    const req = http.expectOne({ method: 'POST', url: '/api/api-tokens' });
    expect(req.request.body).toEqual({
      expiresInSeconds: 7_776_000,
      name: 'ci',
      scope: 'read-write',
    });
    req.flush({ ...apiToken({ name: 'ci', scope: 'read-write' }), token: 'nta_secret_value' });
    http.expectOne(LIST_URL).flush(page([apiToken({ name: 'ci' })]));
    await fixture.whenStable();

    expect(el().querySelector('nta-secret-once [data-test=secret]')?.textContent).toBe(
      'nta_secret_value',
    );
    buttonByText(el(), 'Done')!.click();
    await fixture.whenStable();
    expect(el().textContent).not.toContain('nta_secret_value');
  });

  it('shows a load error with a retry', async () => {
    http.expectOne(LIST_URL).flush(null, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    expect(el().querySelector('[role=alert]')?.textContent).toContain('500');
    buttonByText(el(), 'Retry')!.click();
    http.expectOne(LIST_URL).flush(page([]));
  });
});
