// Runs every capture of the tcpdump test corpus (../shared/corpus/tcpdump-tests) through the
// pcap reader and the decoder in a worker thread, and counts records with tcpdump (libpcap).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { decodeFrame } from '../../../src/decode/frame';
import { corpusFiles, corpusPath } from './support/corpus-paths';
import type { FileResult } from './support/corpus-worker';

const run = promisify(execFile);
// One file may take this long before the watchdog calls it a hang.
const FILE_BUDGET_MS = 5000;

/** Record count libpcap reads from a file (`tcpdump --count`), or the error it stops at. */
async function tcpdumpCount(name: string): Promise<number | string> {
  try {
    const { stderr, stdout } = await run('tcpdump', ['-r', corpusPath(name), '--count']);
    const match = /^(\d+) packets?$/m.exec(stdout + stderr);
    return match ? Number(match[1]) : `tcpdump said: ${stderr.trim()}`;
  } catch (error) {
    return `tcpdump failed: ${(error as Error).message}`;
  }
}

async function tcpdumpCounts(names: string[]): Promise<Map<string, number | string>> {
  const counts = new Map<string, number | string>();
  let next = 0;
  const lane = async () => {
    while (next < names.length) {
      const name = names[next++];
      counts.set(name, await tcpdumpCount(name));
    }
  };
  await Promise.all([lane(), lane()]);
  return counts;
}

/** Decodes the files in a worker; rejects naming the file that exceeds its budget. */
function decodeInWorker(names: string[]): Promise<FileResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(
      `require('@swc-node/register'); require(${JSON.stringify(require.resolve('./support/corpus-worker'))});`,
      { eval: true, workerData: names },
    );
    const results: FileResult[] = [];
    let current = '';
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void worker.terminate();
        reject(new Error(`decoding ${current} took over ${FILE_BUDGET_MS} ms (hang?)`));
      }, FILE_BUDGET_MS);
    };
    worker.on('message', (message: FileResult | { name: string; started: true }) => {
      if ('started' in message) {
        current = message.name;
        arm();
        return;
      }
      results.push(message);
      if (results.length === names.length) {
        clearTimeout(timer);
        resolve(results);
      }
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

describe(`${decodeFrame.name} over the tcpdump corpus`, () => {
  let names: string[];
  let results: FileResult[];
  let counts: Map<string, number | string>;

  beforeAll(async () => {
    names = corpusFiles();
    [results, counts] = await Promise.all([decodeInWorker(names), tcpdumpCounts(names)]);
  }, 120_000);

  it('reads every file without an exception, a reader error or a hang', () => {
    expect(names.length).toBeGreaterThan(700);
    expect(results.length).toBe(names.length);
    expect(results.filter((r) => r.exception).map((r) => `${r.name}: ${r.exception}`)).toEqual([]);
    expect(results.filter((r) => r.readerError).map((r) => `${r.name}: ${r.readerError}`)).toEqual(
      [],
    );
  });

  it('yields as many records per file as libpcap (tcpdump --count) reads', () => {
    const wrong = results
      .filter((r) => counts.get(r.name) !== r.records)
      .map((r) => `${r.name}: agent ${r.records}, tcpdump ${String(counts.get(r.name))}`);

    expect(wrong).toEqual([]);
  });

  it('decodes each frame or counts it undecodable with a reason, offsets in range', () => {
    const broken = results.filter((r) => r.violation).map((r) => `${r.name} ${r.violation}`);

    expect(broken).toEqual([]);
    const total = results.reduce((sum, r) => sum + r.records, 0);
    const decoded = results.reduce((sum, r) => sum + r.decoded, 0);
    expect(decoded + results.reduce((sum, r) => sum + r.undecodable, 0)).toBe(total);
  });

  it('decodes most frames of the link types it supports and none of the others', () => {
    const supported = new Set([0, 1, 101, 108, 113, 228, 229, 276]);
    let decoded = 0;
    let records = 0;
    for (const r of results) {
      if (supported.has(r.linkType)) {
        decoded += r.decoded;
        records += r.records;
      } else {
        expect(r.decoded).withContext(`${r.name} (link type ${r.linkType})`).toBe(0);
      }
    }
    expect(decoded / records).toBeGreaterThan(0.95);
  });
});
