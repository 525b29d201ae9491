import { type ArgumentsHost, NotFoundException } from '@nestjs/common';
import { DomainException } from '../errors/domain.exception';
import { ApiExceptionFilter } from './api-exception.filter';

class FakeResponse {
  body: unknown;
  headers: Record<string, string> = {};
  statusCode = 0;

  setHeader(name: string, value: string): void {
    this.headers[name] = value;
  }

  status(code: number): { json(body: unknown): void } {
    this.statusCode = code;
    return { json: (body) => (this.body = body) };
  }
}

function httpHost(res: FakeResponse): ArgumentsHost {
  return {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => res }),
  } as unknown as ArgumentsHost;
}

describe(ApiExceptionFilter.name, () => {
  let res: FakeResponse;
  let sut: ApiExceptionFilter;

  beforeEach(() => {
    res = new FakeResponse();
    sut = new ApiExceptionFilter();
  });

  it('sends Retry-After with a rate-limited answer', () => {
    sut.catch(new DomainException('RATE_LIMITED', 'slow down').withRetryAfter(42), httpHost(res));

    expect(res.statusCode).toBe(429);
    expect(res.headers).toEqual({ 'Retry-After': '42' });
    expect(res.body).toEqual({ code: 'RATE_LIMITED', message: 'slow down', statusCode: 429 });
  });

  it('maps each domain code to its HTTP status once', () => {
    const cases: [DomainException, number][] = [
      [new DomainException('AGENT_OFFLINE', 'x'), 409],
      [new DomainException('AGENT_TIMEOUT', 'x'), 504],
      [new DomainException('AMBIGUOUS_HOST', 'x'), 400],
      [new DomainException('HOST_NOT_FOUND', 'x'), 404],
      [new DomainException('UNAUTHORIZED', 'x'), 401],
      [DomainException.unavailable('the database'), 503],
    ];
    for (const [error, status] of cases) {
      sut.catch(error, httpHost(res));
      expect(res.statusCode).withContext(error.code).toBe(status);
    }
  });

  it('writes an ApiErrorBody for a domain error', () => {
    sut.catch(new DomainException('HOST_NOT_FOUND', 'host "h1" is not known'), httpHost(res));

    expect(res.body).toEqual({
      code: 'HOST_NOT_FOUND',
      message: 'host "h1" is not known',
      statusCode: 404,
    });
  });

  it('turns Nest route 404s into NOT_FOUND bodies', () => {
    sut.catch(new NotFoundException('Cannot GET /api/nope'), httpHost(res));

    expect(res.body).toEqual({
      code: 'NOT_FOUND',
      message: 'Cannot GET /api/nope',
      statusCode: 404,
    });
  });

  it('reports body-parser errors as BAD_REQUEST', () => {
    const error = Object.assign(new SyntaxError('Unexpected token o'), { status: 400 });

    sut.catch(error, httpHost(res));

    expect(res.body).toEqual(jasmine.objectContaining({ code: 'BAD_REQUEST', statusCode: 400 }));
  });

  it('hides unexpected errors behind INTERNAL', () => {
    spyOn(console, 'error');
    const logSpy = spyOn(
      (sut as unknown as { logger: { error(m: unknown): void } }).logger,
      'error',
    );

    sut.catch(new Error('db exploded: password=hunter2'), httpHost(res));

    expect(res.body).toEqual({ code: 'INTERNAL', message: 'internal error', statusCode: 500 });
    expect(logSpy).toHaveBeenCalled();
  });
});
