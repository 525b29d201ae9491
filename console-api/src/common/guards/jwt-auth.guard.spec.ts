import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedUser, RequestWithUser } from '../decorators/current-user.decorator';
import { Public } from '../decorators/public.decorator';
import { DomainException } from '../errors/domain.exception';
import { AccessTokenVerifier } from './access-token-verifier';
import { JwtAuthGuard } from './jwt-auth.guard';

class FakeVerifier extends AccessTokenVerifier {
  seen: string[] = [];

  verify(token: string): Promise<AuthenticatedUser> {
    this.seen.push(token);
    if (token !== 'good') {
      return Promise.reject(new DomainException('UNAUTHORIZED', 'bad token'));
    }
    return Promise.resolve({ role: 'admin', username: 'admin' });
  }
}

class Routes {
  @Public()
  open(): void {}

  closed(): void {}
}

function httpContext(handler: () => void, req: RequestWithUser): ExecutionContext {
  return {
    getClass: () => Routes,
    getHandler: () => handler,
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
}

describe(JwtAuthGuard.name, () => {
  let verifier: FakeVerifier;
  let sut: JwtAuthGuard;

  beforeEach(() => {
    verifier = new FakeVerifier();
    sut = new JwtAuthGuard(new Reflector(), verifier);
  });

  it('lets @Public() routes through without a token', async () => {
    const req: RequestWithUser = { headers: {} };

    await expectAsync(sut.canActivate(httpContext(Routes.prototype.open, req))).toBeResolvedTo(
      true,
    );
    expect(verifier.seen).toEqual([]);
  });

  it('refuses a protected route without a bearer token', async () => {
    const req: RequestWithUser = { headers: { authorization: 'Basic abc' } };

    await expectAsync(sut.canActivate(httpContext(Routes.prototype.closed, req))).toBeRejectedWith(
      jasmine.objectContaining({ code: 'UNAUTHORIZED' }),
    );
  });

  it('refuses a token the verifier rejects', async () => {
    const req: RequestWithUser = { headers: { authorization: 'Bearer forged' } };

    await expectAsync(sut.canActivate(httpContext(Routes.prototype.closed, req))).toBeRejectedWith(
      jasmine.objectContaining({ code: 'UNAUTHORIZED' }),
    );
    expect(verifier.seen).toEqual(['forged']);
  });

  it('attaches the verified user to the request', async () => {
    const req: RequestWithUser = { headers: { authorization: 'Bearer good' } };

    await expectAsync(sut.canActivate(httpContext(Routes.prototype.closed, req))).toBeResolvedTo(
      true,
    );
    expect(req.user).toEqual({ role: 'admin', username: 'admin' });
  });
});
