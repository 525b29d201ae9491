import { Injectable } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainException } from '../../common/errors/domain.exception';
import { REPO_ROOT } from './agent-bundle.service';

const TEMPLATE = join(REPO_ROOT, 'infra/install/install.sh.template');
// The URL lands inside a shell script: allow nothing a shell would interpret.
const SAFE_URL = /^https?:\/\/[A-Za-z0-9.\-:[\]]+$/;

/** Renders infra/install/install.sh.template for the console URL the host should use. */
@Injectable()
export class InstallScriptService {
  async render(consoleUrl: string): Promise<string> {
    if (!SAFE_URL.test(consoleUrl)) {
      throw new DomainException(
        'BAD_REQUEST',
        `cannot build an install script for console URL "${consoleUrl}": set NTA_PUBLIC_URL`,
      );
    }
    const template = await readFile(TEMPLATE, 'utf8');
    return template.replaceAll('@@CONSOLE_URL@@', consoleUrl);
  }
}
