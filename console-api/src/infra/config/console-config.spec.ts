import { ConfigError, DEFAULT_WEB_DIR, loadConfig, redactDatabaseUrl } from './console-config';

const DB = 'postgres://nta:secret@db.local:5433/nta';

describe(loadConfig.name, () => {
  it('applies the documented defaults', () => {
    const sut = loadConfig({ DATABASE_URL: DB });

    expect(sut.http).toEqual({ host: '0.0.0.0', port: 8080 });
    expect(sut.broker).toEqual({
      host: '0.0.0.0',
      mode: 'embedded',
      password: null,
      port: 1883,
      url: null,
      username: null,
    });
    expect(sut.adminUsername).toBe('admin');
    expect(sut.adminPassword).toBeNull();
    expect(sut.agentSecret).toBeNull();
    expect(sut.jwtSecret).toBeNull();
    expect(sut.jwtTtlSeconds).toBe(12 * 3600);
    expect(sut.logLevel).toBe('log');
    expect(sut.webDir).toBe(DEFAULT_WEB_DIR);
    expect(DEFAULT_WEB_DIR).toMatch(/console-web[\\/]dist[\\/]browser$/);
  });

  it('says so when DATABASE_URL is missing', () => {
    expect(() => loadConfig({})).toThrowMatching(
      (e) => e instanceof ConfigError && /DATABASE_URL: is required/.test(e.message),
    );
  });

  it('names the variable of a bad port', () => {
    expect(() => loadConfig({ DATABASE_URL: DB, NTA_HTTP_PORT: 'eighty' })).toThrowError(
      ConfigError,
      /NTA_HTTP_PORT: /,
    );
    expect(() => loadConfig({ DATABASE_URL: DB, NTA_BROKER_PORT: '70000' })).toThrowError(
      ConfigError,
      /NTA_BROKER_PORT: /,
    );
  });

  it('rejects an unknown broker mode and a non-postgres URL', () => {
    expect(() => loadConfig({ DATABASE_URL: DB, NTA_BROKER_MODE: 'cloud' })).toThrowError(
      /NTA_BROKER_MODE: /,
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x@y/z' })).toThrowError(/DATABASE_URL: /);
  });

  it('requires NTA_BROKER_URL in external mode', () => {
    expect(() => loadConfig({ DATABASE_URL: DB, NTA_BROKER_MODE: 'external' })).toThrowError(
      /NTA_BROKER_URL: is required/,
    );
    const sut = loadConfig({
      DATABASE_URL: DB,
      NTA_BROKER_MODE: 'external',
      NTA_BROKER_URL: 'mqtt://127.0.0.1:1883',
    });
    expect(sut.broker.url).toBe('mqtt://127.0.0.1:1883');
  });

  it('parses JWT lifetimes with units and rejects nonsense', () => {
    expect(loadConfig({ DATABASE_URL: DB, NTA_JWT_TTL: '90m' }).jwtTtlSeconds).toBe(5400);
    expect(loadConfig({ DATABASE_URL: DB, NTA_JWT_TTL: '7d' }).jwtTtlSeconds).toBe(604800);
    expect(() => loadConfig({ DATABASE_URL: DB, NTA_JWT_TTL: 'soon' })).toThrowError(
      /NTA_JWT_TTL: /,
    );
  });

  it('rejects a zero JWT lifetime', () => {
    expect(() => loadConfig({ DATABASE_URL: DB, NTA_JWT_TTL: '0' })).toThrowError(
      /NTA_JWT_TTL: must be positive/,
    );
  });

  it('reads the log format (json by default) and refuses others by name', () => {
    expect(loadConfig({ DATABASE_URL: DB }).logFormat).toBe('json');
    expect(loadConfig({ DATABASE_URL: DB, NTA_LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(() => loadConfig({ DATABASE_URL: DB, NTA_LOG_FORMAT: 'xml' })).toThrowError(
      /NTA_LOG_FORMAT: /,
    );
  });

  it('reads the login rate limit with defaults of 5 failures in 15 min, 30 s lockout', () => {
    expect(loadConfig({ DATABASE_URL: DB }).loginLimit).toEqual({
      lockoutBaseSeconds: 30,
      maxFailures: 5,
      windowSeconds: 900,
    });
    const sut = loadConfig({
      DATABASE_URL: DB,
      NTA_LOGIN_LOCKOUT: '2m',
      NTA_LOGIN_MAX_FAILURES: '10',
      NTA_LOGIN_WINDOW: '1h',
    });
    expect(sut.loginLimit).toEqual({
      lockoutBaseSeconds: 120,
      maxFailures: 10,
      windowSeconds: 3600,
    });
    expect(() => loadConfig({ DATABASE_URL: DB, NTA_LOGIN_MAX_FAILURES: '0' })).toThrowError(
      /NTA_LOGIN_MAX_FAILURES: /,
    );
    expect(() => loadConfig({ DATABASE_URL: DB, NTA_LOGIN_WINDOW: 'forever' })).toThrowError(
      /NTA_LOGIN_WINDOW: /,
    );
  });

  it('treats empty secrets as unset', () => {
    expect(loadConfig({ DATABASE_URL: DB, NTA_AGENT_SECRET: '' }).agentSecret).toBeNull();
  });
});

describe(redactDatabaseUrl.name, () => {
  it('never shows the password', () => {
    expect(redactDatabaseUrl(DB)).toBe('postgres://nta@db.local:5433/nta');
    expect(redactDatabaseUrl('postgres://postgres@127.0.0.1/test')).toBe(
      'postgres://postgres@127.0.0.1:5432/test',
    );
  });
});
