import { loadConfig } from '../../infra/config/console-config';
import { agentMqttUrl, publicConsoleUrl, type RequestOrigin } from './console-urls';

const DB = 'postgres://nta@db.local/nta';
const request = (host: string): RequestOrigin => ({ headers: { host }, protocol: 'http' });

describe(publicConsoleUrl.name, () => {
  it('uses the Host the caller reached the console by', () => {
    expect(publicConsoleUrl(loadConfig({ DATABASE_URL: DB }), request('10.0.0.5:8080'))).toBe(
      'http://10.0.0.5:8080',
    );
  });

  it('prefers NTA_PUBLIC_URL, without a trailing slash', () => {
    const config = loadConfig({ DATABASE_URL: DB, NTA_PUBLIC_URL: 'https://nta.example/' });
    expect(publicConsoleUrl(config, request('evil:1'))).toBe('https://nta.example');
  });

  it('rejects a NTA_AGENT_MQTT_URL that is not mqtt://host:port, naming the variable', () => {
    expect(() => loadConfig({ DATABASE_URL: DB, NTA_AGENT_MQTT_URL: 'tcp://x:1' })).toThrowError(
      /NTA_AGENT_MQTT_URL: must be an mqtt:\/\/host:port URL/,
    );
  });

  it('rejects a NTA_PUBLIC_URL with a path, naming the variable', () => {
    expect(() => loadConfig({ DATABASE_URL: DB, NTA_PUBLIC_URL: 'http://a/b' })).toThrowError(
      /NTA_PUBLIC_URL/,
    );
  });
});

describe(agentMqttUrl.name, () => {
  it('pairs the console host with the embedded broker port', () => {
    const config = loadConfig({ DATABASE_URL: DB });
    expect(agentMqttUrl(config, 'http://10.0.0.5:8080', 41883)).toBe('mqtt://10.0.0.5:41883');
  });

  it('uses the external broker port, or NTA_AGENT_MQTT_URL when set', () => {
    const external = loadConfig({
      DATABASE_URL: DB,
      NTA_BROKER_MODE: 'external',
      NTA_BROKER_URL: 'mqtt://127.0.0.1:2883',
    });
    expect(agentMqttUrl(external, 'http://nta.example', null)).toBe('mqtt://nta.example:2883');
    const pinned = loadConfig({ DATABASE_URL: DB, NTA_AGENT_MQTT_URL: 'mqtt://broker:1884' });
    expect(agentMqttUrl(pinned, 'http://nta.example', 1883)).toBe('mqtt://broker:1884');
  });
});
