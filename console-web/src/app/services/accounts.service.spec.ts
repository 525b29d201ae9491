import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { page } from '../../testing/fleet-fixtures';
import { AccountsService } from './accounts.service';

describe(AccountsService.name, () => {
  let http: HttpTestingController;
  let sut: AccountsService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    sut = TestBed.inject(AccountsService);
  });

  afterEach(() => http.verify());

  it('lists, creates, updates and deletes users', () => {
    let names: string[] = [];
    sut.users().subscribe((list) => (names = list.map((u) => u.username)));
    http.expectOne('/api/users?limit=500').flush(page([{ username: 'ann' }]));
    expect(names).toEqual(['ann']);

    sut.createUser({ password: 'long-enough-1', role: 'viewer', username: 'bob' }).subscribe();
    expect(http.expectOne({ method: 'POST', url: '/api/users' }).request.body).toEqual({
      password: 'long-enough-1',
      role: 'viewer',
      username: 'bob',
    });
    sut.updateUser('u1', { role: 'admin' }).subscribe();
    expect(http.expectOne({ method: 'PATCH', url: '/api/users/u1' }).request.body).toEqual({
      role: 'admin',
    });
    sut.deleteUser('u1').subscribe();
    http.expectOne({ method: 'DELETE', url: '/api/users/u1' }).flush(null);
  });

  it('lists, creates and revokes API tokens', () => {
    sut.apiTokens().subscribe();
    http.expectOne('/api/api-tokens?limit=500').flush(page([]));
    sut.createApiToken({ expiresInSeconds: null, name: 'grafana', scope: 'read' }).subscribe();
    expect(http.expectOne({ method: 'POST', url: '/api/api-tokens' }).request.body).toEqual({
      expiresInSeconds: null,
      name: 'grafana',
      scope: 'read',
    });
    sut.revokeApiToken('k1').subscribe();
    http.expectOne({ method: 'DELETE', url: '/api/api-tokens/k1' }).flush(null);
  });
});
