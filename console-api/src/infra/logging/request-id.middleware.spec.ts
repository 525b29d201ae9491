import { redactQuery } from './request-id.middleware';

describe(redactQuery.name, () => {
  it('hides credential values in the query string and keeps the rest', () => {
    expect(redactQuery('/api/agent/bundle.tgz?os=linux&token=abc123&x=1')).toBe(
      '/api/agent/bundle.tgz?os=linux&token=[redacted]&x=1',
    );
    expect(redactQuery('/api/hosts?limit=5')).toBe('/api/hosts?limit=5');
  });
});
