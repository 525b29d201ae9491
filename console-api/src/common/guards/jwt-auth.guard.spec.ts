import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedUser, RequestWithUser } from '../decorators/current-user.decorator';
import { Public } from '../decorators/public.decorator';
import { Roles } from '../decorators/roles.decorator';
import { SessionOnly } from '../decorators/session-only.decorator';
import { DomainException } from '../errors/domain.exception';
import { AccessTokenVerifier } from './access-token-verifier';
import { JwtAuthGuard } from './jwt-auth.guard';

const PRINCIPALS: Record<string, AuthenticatedUser> = {
  admin: { kind: 'user', role: 'admin', sessionId: 's1', userId: 1, username: 'admin' },
  read: { kind: 'api-token', role: 'viewer', scope: 'read', tokenId: 't1', username: 'grafana' },
  rw: { kind: 'api-token', role: 'admin', scope: 'read-write', tokenId: 't2', username: 'ci' },
  viewer: { kind: 'user', role: 'viewer', sessionId: 's2', userId: 2, username: 'vic' },
};

class FakeVerifier extends AccessTokenVerifier {
  seen: string[] = [];

  verify(token: string): Promise<AuthenticatedUser> {
    this.seen.push(token);
    const user = PRINCIPALS[token];
    if (!user) return Promise.reject(new DomainException('UNAUTHORIZED', 'bad token'));
    return Promise.resolve(user);
  }
}

class Routes {
  @Public()
  open(): void {}

  closed(): void {}

  @Roles('admin')
  adminOnly(): void {}

  @Roles('admin')
  @SessionOnly()
  manageTokens(): void {}
}

function httpContext(handler: () => void, req: RequestWithUser): ExecutionContext {
  return {
    getClass: () => Routes,
    getHandler: () => handler,
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
}

const as = (token: string, method = 'GET'): RequestWithUser => ({
  headers: { authorization: `Bearer ${token}` },
  method,
});

describe(JwtAuthGuard.name, () => {
  let verifier: FakeVerifier;
  let sut: JwtAuthGuard;

  beforeEach(() => {
    verifier = new FakeVerifier();
    sut = new JwtAuthGuard(new Reflector(), verifier);
  });

  const check = (handler: () => void, req: RequestWithUser) =>
    sut.canActivate(httpContext(handler, req));

  it('lets @Public() routes through without a token', async () => {
    await expectAsync(check(Routes.prototype.open, { headers: {} })).toBeResolvedTo(true);
    expect(verifier.seen).toEqual([]);
  });

  it('refuses a protected route without a bearer token', async () => {
    const req: RequestWithUser = { headers: { authorization: 'Basic abc' } };

    await expectAsync(check(Routes.prototype.closed, req)).toBeRejectedWith(
      jasmine.objectContaining({ code: 'UNAUTHORIZED' }),
    );
  });

  it('refuses a token the verifier rejects', async () => {
    await expectAsync(check(Routes.prototype.closed, as('forged'))).toBeRejectedWith(
      jasmine.objectContaining({ code: 'UNAUTHORIZED' }),
    );
    expect(verifier.seen).toEqual(['forged']);
  });

  it('attaches the verified user to the request', async () => {
    const req = as('admin');

    await expectAsync(check(Routes.prototype.closed, req)).toBeResolvedTo(true);
    expect(req.user).toEqual(PRINCIPALS.admin);
  });

  it('answers FORBIDDEN when the role does not match @Roles()', async () => {
    await expectAsync(check(Routes.prototype.adminOnly, as('viewer', 'POST'))).toBeRejectedWith(
      jasmine.objectContaining({ code: 'FORBIDDEN' }),
    );
    await expectAsync(check(Routes.prototype.adminOnly, as('admin', 'POST'))).toBeResolvedTo(true);
    await expectAsync(check(Routes.prototype.closed, as('viewer', 'POST'))).toBeResolvedTo(true);
  });

  it('limits a read-scope API token to GET and HEAD', async () => {
    await expectAsync(check(Routes.prototype.closed, as('read', 'GET'))).toBeResolvedTo(true);
    await expectAsync(check(Routes.prototype.closed, as('read', 'HEAD'))).toBeResolvedTo(true);
    for (const method of ['POST', 'PATCH', 'DELETE', 'PUT']) {
      await expectAsync(check(Routes.prototype.closed, as('read', method)))
        .withContext(method)
        .toBeRejectedWith(jasmine.objectContaining({ code: 'FORBIDDEN' }));
    }
    await expectAsync(check(Routes.prototype.adminOnly, as('rw', 'POST'))).toBeResolvedTo(true);
  });

  it('keeps @SessionOnly() routes away from API tokens, even read-write ones', async () => {
    await expectAsync(check(Routes.prototype.manageTokens, as('rw', 'GET'))).toBeRejectedWith(
      jasmine.objectContaining({ code: 'FORBIDDEN' }),
    );
    await expectAsync(check(Routes.prototype.manageTokens, as('admin', 'GET'))).toBeResolvedTo(
      true,
    );
  });
});
