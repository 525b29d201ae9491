import { describePgError } from './describe-pg-error';

const WHERE = 'postgres://nta@db:5432/nta';

describe(describePgError.name, () => {
  it('names the address and the fix for a refused connection', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });

    expect(describePgError(error, WHERE)).toBe(
      'cannot reach Postgres at postgres://nta@db:5432/nta (ECONNREFUSED): start it, or fix DATABASE_URL',
    );
  });

  it('reads the code from an AggregateError', () => {
    const error = new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], '');

    expect(describePgError(error, WHERE)).toContain('(ECONNREFUSED)');
  });

  it('points at credentials and missing databases', () => {
    expect(
      describePgError({ code: '28P01', message: 'password authentication failed' }, WHERE),
    ).toContain('refused the login');
    expect(
      describePgError({ code: '3D000', message: 'database "x" does not exist' }, WHERE),
    ).toContain('no such database');
  });
});
