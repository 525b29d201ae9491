import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

// The repo root is four levels up from here (agent/test/integration/corpus/support).
const REPO_ROOT = resolve(__dirname, '../../../../..');
export const CORPUS_DIR = resolve(REPO_ROOT, '../shared/corpus/tcpdump-tests');

/** The corpus files, or an error that says where the corpus was expected. */
export function corpusFiles(): string[] {
  if (!existsSync(CORPUS_DIR)) {
    throw new Error(
      `capture corpus not found at ${CORPUS_DIR} (expected ../shared/corpus/tcpdump-tests ` +
        'relative to the repo root)',
    );
  }
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.pcap') || name.endsWith('.pcapng'))
    .sort();
}

export function corpusPath(name: string): string {
  return join(CORPUS_DIR, name);
}
