import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { page } from '../../testing/fleet-fixtures';
import { EnrolmentService } from './enrolment.service';

describe(EnrolmentService.name, () => {
  let http: HttpTestingController;
  let sut: EnrolmentService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    sut = TestBed.inject(EnrolmentService);
  });

  afterEach(() => http.verify());

  it('creates a token with its name, expiry and uses', () => {
    sut.createToken({ expiresInSeconds: 3600, maxUses: 1, name: 'web' }).subscribe();
    const req = http.expectOne({ method: 'POST', url: '/api/enrolment-tokens' });
    expect(req.request.body).toEqual({ expiresInSeconds: 3600, maxUses: 1, name: 'web' });
    req.flush({});
  });

  it('lists tokens and agents from a page, or from a bare array', () => {
    let tokens: unknown[] = [];
    let agents: unknown[] = [];
    sut.tokens().subscribe((list) => (tokens = list));
    sut.agents().subscribe((list) => (agents = list));
    http.expectOne('/api/enrolment-tokens?limit=500').flush(page([{ id: 't1' }]));
    http.expectOne('/api/agents?limit=500').flush([{ agentId: 'a1' }]);
    expect(tokens).toEqual([{ id: 't1' }]);
    expect(agents).toEqual([{ agentId: 'a1' }]);
  });

  it('revokes a token and an agent, encoding their ids', () => {
    sut.revokeToken('t/1').subscribe();
    sut.revokeAgent('a 1').subscribe();
    http.expectOne({ method: 'DELETE', url: '/api/enrolment-tokens/t%2F1' }).flush(null);
    http.expectOne({ method: 'POST', url: '/api/agents/a%201/revoke' }).flush(null);
  });
});
