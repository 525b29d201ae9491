import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// agent/package.json sits one level above both src/ (tests) and dist/ (built).
export function readAgentVersion(): string | null {
  try {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : null;
  } catch {
    return null;
  }
}
