import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { EnrolledAgent } from '@nta/contracts';
import { buttonByText } from '../../../testing/dom';
import { page } from '../../../testing/fleet-fixtures';
import { EnrolledAgentsComponent } from './enrolled-agents.component';

const LIST_URL = '/api/agents?limit=500';

function agent(overrides: Partial<EnrolledAgent> = {}): EnrolledAgent {
  return {
    agentId: 'web-1',
    enrolledAt: 1_700_000_000_000,
    hostname: 'web-1.example',
    lastSeen: 1_700_000_100_000,
    online: true,
    revokedAt: null,
    tokenId: 't1',
    ...overrides,
  };
}

describe(EnrolledAgentsComponent.name, () => {
  let fixture: ComponentFixture<EnrolledAgentsComponent>;
  let http: HttpTestingController;
  const el = () => fixture.nativeElement as HTMLElement;
  const row = (id: string) => el().querySelector<HTMLElement>(`[data-agent="${id}"]`)!;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EnrolledAgentsComponent);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('tells pending, online, offline and revoked agents apart', async () => {
    http
      .expectOne(LIST_URL)
      .flush(
        page([
          agent(),
          agent({ agentId: 'new', lastSeen: null, online: false }),
          agent({ agentId: 'old', online: false }),
          agent({ agentId: 'gone', online: false, revokedAt: 1 }),
        ]),
      );
    await fixture.whenStable();
    const state = (id: string) => row(id).querySelector('.badge')?.textContent?.trim();
    expect(['web-1', 'new', 'old', 'gone'].map(state)).toEqual([
      'online',
      'pending',
      'offline',
      'revoked',
    ]);
    expect(buttonByText(row('gone'), 'Revoke')).toBeUndefined();
  });

  it('revokes an agent after confirmation only', async () => {
    http.expectOne(LIST_URL).flush(page([agent()]));
    await fixture.whenStable();
    const confirm = spyOn(window, 'confirm').and.returnValue(false);
    buttonByText(row('web-1'), 'Revoke')!.click();
    http.expectNone('/api/agents/web-1/revoke');

    confirm.and.returnValue(true);
    buttonByText(row('web-1'), 'Revoke')!.click();
    http.expectOne({ method: 'POST', url: '/api/agents/web-1/revoke' }).flush(null);
    http.expectOne(LIST_URL).flush(page([agent({ revokedAt: 2 })]));
    await fixture.whenStable();
    expect(row('web-1').textContent).toContain('revoked');
  });

  it('shows an empty state', async () => {
    http.expectOne(LIST_URL).flush(page([]));
    await fixture.whenStable();
    expect(el().querySelector('[data-test=agents-empty]')).not.toBeNull();
  });
});
