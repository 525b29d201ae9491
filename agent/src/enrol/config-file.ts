import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export class ConfigFileError extends Error {}

/** The config file's options, or {} when it does not exist yet. */
export function readConfigObject(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConfigFileError(`cannot read ${path} (${(e as NodeJS.ErrnoException).code})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ConfigFileError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigFileError(`${path}: expected a JSON object of options`);
  }
  return value as Record<string, unknown>;
}

/** Replaces the file atomically; 0600 because it holds the agent's MQTT password. */
export function writeConfigObject(path: string, values: Record<string, unknown>): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(values, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}
