import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { CreatedEnrolmentToken, EnrolmentTokenSummary } from '@nta/contracts';
import { buttonByText, choose, setValue } from '../../../testing/dom';
import { page } from '../../../testing/fleet-fixtures';
import { EnrolmentTokensComponent } from './enrolment-tokens.component';

const LIST_URL = '/api/enrolment-tokens?limit=500';

function token(overrides: Partial<EnrolmentTokenSummary> = {}): EnrolmentTokenSummary {
  return {
    createdAt: 1_700_000_000_000,
    createdBy: 'admin',
    expiresAt: null,
    id: 't1',
    maxUses: 1,
    name: 'web servers',
    revokedAt: null,
    state: 'active',
    uses: 0,
    ...overrides,
  };
}

describe(EnrolmentTokensComponent.name, () => {
  let fixture: ComponentFixture<EnrolmentTokensComponent>;
  let http: HttpTestingController;
  const el = () => fixture.nativeElement as HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EnrolmentTokensComponent);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('lists tokens with state and uses; only active ones can be revoked', async () => {
    expect(el().querySelector('[data-test=loading]')).not.toBeNull();
    http
      .expectOne(LIST_URL)
      .flush(
        page([token(), token({ id: 't2', maxUses: null, name: 'lab', state: 'revoked', uses: 4 })]),
      );
    await fixture.whenStable();

    const t1 = el().querySelector('[data-token=t1]')!;
    const t2 = el().querySelector('[data-token=t2]')!;
    expect(t1.textContent).toContain('active');
    expect(t1.textContent).toContain('0 / 1');
    expect(t2.textContent).toContain('4 / ∞');
    expect(buttonByText(t1 as HTMLElement, 'Revoke')).toBeDefined();
    expect(buttonByText(t2 as HTMLElement, 'Revoke')).toBeUndefined();

    spyOn(window, 'confirm').and.returnValue(true);
    buttonByText(t1 as HTMLElement, 'Revoke')!.click();
    http.expectOne({ method: 'DELETE', url: '/api/enrolment-tokens/t1' }).flush(null);
    http.expectOne(LIST_URL).flush(page([token({ state: 'revoked' })]));
  });

  it('creates a multi-use token and shows the install command once', async () => {
    http.expectOne(LIST_URL).flush(page([]));
    await fixture.whenStable();
    expect(el().querySelector('[data-test=tokens-empty]')).not.toBeNull();

    setValue(el(), '[data-test=token-name]', ' web ');
    choose(el(), '[data-test=token-expiry]', '7 days');
    choose(el(), '[data-test=token-multi]', 'Any number of hosts');
    buttonByText(el(), 'Create token')!.click();
    await fixture.whenStable();

    const req = http.expectOne({ method: 'POST', url: '/api/enrolment-tokens' });
    expect(req.request.body).toEqual({ expiresInSeconds: 604_800, maxUses: null, name: 'web' });
    const created: CreatedEnrolmentToken = {
      ...token({ maxUses: null }),
      installCommand: 'curl -fsSL http://console/api/install.sh | sudo NTA_TOKEN=s3cret sh',
      token: 's3cret',
    };
    req.flush(created);
    http.expectOne(LIST_URL).flush(page([token({ maxUses: null })]));
    await fixture.whenStable();

    expect(el().querySelector('nta-secret-once [data-test=secret]')?.textContent).toBe(
      created.installCommand,
    );
    buttonByText(el(), 'Done')!.click();
    await fixture.whenStable();
    expect(el().querySelector('nta-secret-once')).toBeNull();
    expect(el().textContent).not.toContain('s3cret');
  });

  it('needs a name, and shows why the API refused', async () => {
    http.expectOne(LIST_URL).flush(page([]));
    buttonByText(el(), 'Create token')!.click();
    await fixture.whenStable();
    expect(el().textContent).toContain('Give the token a name.');

    setValue(el(), '[data-test=token-name]', 'web');
    buttonByText(el(), 'Create token')!.click();
    http
      .expectOne({ method: 'POST', url: '/api/enrolment-tokens' })
      .flush(
        { code: 'FORBIDDEN', message: 'admin role required', statusCode: 403 },
        { status: 403, statusText: 'Forbidden' },
      );
    await fixture.whenStable();
    expect(el().querySelector('[role=alert]')?.textContent).toContain('admin role required');
  });

  it('shows a load error with a retry', async () => {
    http.expectOne(LIST_URL).flush(null, { status: 0, statusText: 'Unknown Error' });
    await fixture.whenStable();
    expect(el().querySelector('[role=alert]')?.textContent).toContain('cannot be reached');
    buttonByText(el(), 'Retry')!.click();
    http.expectOne(LIST_URL).flush(page([token()]));
    await fixture.whenStable();
    expect(el().querySelector('[data-token=t1]')).not.toBeNull();
  });
});
