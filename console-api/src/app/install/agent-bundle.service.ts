import { Injectable, Logger } from '@nestjs/common';
import { promises as fs, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { DomainException } from '../../common/errors/domain.exception';
import { agentBundleFiles } from './bundle-files';
import { tarArchive } from './tar-writer';

// <root>/console-api/{src,dist}/app/install → <root>, the same from sources and from the build.
export const REPO_ROOT = resolve(__dirname, '../../../..');
const gzipAsync = promisify(gzip);

/**
 * The agent bundle (.tgz) hosts install from: built from this machine's built agent on first
 * request, kept in memory, rebuilt when agent/dist/main.js or the contracts build change.
 */
@Injectable()
export class AgentBundleService {
  private readonly logger = new Logger('AgentBundle');
  private readonly root = REPO_ROOT;
  private cached: { key: string; tgz: Promise<Buffer> } | null = null;

  get(): Promise<Buffer> {
    const key = this.sourceKey();
    if (this.cached?.key !== key) {
      const tgz = this.build();
      this.cached = { key, tgz };
      // A failed build is not cached: the next request tries again.
      tgz.catch(() => {
        if (this.cached?.tgz === tgz) this.cached = null;
      });
    }
    return this.cached.tgz;
  }

  private sourceKey(): string {
    const stamp = (path: string) => {
      try {
        return String(statSync(join(this.root, path)).mtimeMs);
      } catch {
        return 'missing';
      }
    };
    return `${stamp('agent/dist/main.js')}/${stamp('libs/contracts/dist/index.js')}`;
  }

  private async build(): Promise<Buffer> {
    const started = Date.now();
    let files;
    try {
      files = agentBundleFiles(this.root);
    } catch (error) {
      this.logger.error((error as Error).message);
      throw new DomainException(
        'INTERNAL',
        `the agent bundle cannot be built: ${(error as Error).message}`,
        503,
      );
    }
    const entries = await Promise.all(
      files.map(async (f) => {
        const [data, stat] = await Promise.all([fs.readFile(f.source), fs.stat(f.source)]);
        return {
          data,
          mode: stat.mode & 0o111 ? 0o755 : 0o644,
          mtimeSeconds: stat.mtimeMs / 1000,
          path: f.archivePath,
        };
      }),
    );
    const tgz = await gzipAsync(tarArchive(entries));
    this.logger.log(
      `agent bundle built: ${entries.length} files, ${(tgz.length / 1e6).toFixed(1)} MB in ${Date.now() - started} ms`,
    );
    return tgz;
  }
}
