import { REPORT_INTERVAL_MS } from '@nta/contracts';
import { basename, extname } from 'node:path';
import { createLogger, errorMessage } from '../common/logger';
import type { AgentConfig } from '../config/agent-config';
import { type CliArgs, CliError } from '../config/cli-args';
import { sanitizeAgentId } from '../config/load-config';
import { analyzeFile } from '../runtime/file-analysis';
import { publishFileReports } from '../runtime/file-publisher';
import { formatAnalysisTable } from './analysis-table';

const MIN_INTERVAL_MS = 100;
const MAX_INTERVAL_MS = 3_600_000;

export function parseIntervalMs(text: string | undefined): number {
  if (text === undefined) return REPORT_INTERVAL_MS;
  const n = Number(text);
  if (!Number.isInteger(n) || n < MIN_INTERVAL_MS || n > MAX_INTERVAL_MS) {
    throw new CliError(
      `--interval-ms ${JSON.stringify(text)}: expected a whole number from ${MIN_INTERVAL_MS} to ${MAX_INTERVAL_MS}`,
    );
  }
  return n;
}

/** The host id of a published file: --agent-id when given, else the file's name. */
export function fileAgentId(config: AgentConfig, fileName: string): string {
  if (config.explicit.includes('agentId')) return config.agentId;
  return sanitizeAgentId(basename(fileName, extname(fileName)));
}

/**
 * `analyze FILE`: the file's summary on stdout (a table, or with --json one StatsReport for the
 * whole file), and with --publish its per-interval reports sent to the console. Exit codes: 0
 * done, 1 the file or the console failed (one line on stderr), 2 bad arguments.
 */
export async function runAnalyze(cli: CliArgs, config: AgentConfig): Promise<number> {
  const fail = (code: number, message: string) => {
    process.stderr.write(`nta-agent: ${message}\n`);
    return code;
  };
  let intervalMs: number;
  try {
    intervalMs = parseIntervalMs(cli.values['--interval-ms']);
  } catch (e) {
    return fail(2, errorMessage(e));
  }
  const path = cli.file ?? '';
  const fileName = basename(path);
  const iface = fileName.slice(0, 64) || 'file';
  const agentId = fileAgentId(config, fileName);
  const log = createLogger(config.explicit.includes('logLevel') ? config.logLevel : 'warn');
  let analysis;
  try {
    analysis = await analyzeFile(path, {
      agentId,
      config,
      interface: iface,
      intervalMs,
      intervals: cli.publish,
    });
  } catch (e) {
    return fail(1, `analyze: ${errorMessage(e)}`);
  }
  const { file, intervals, summary } = analysis;
  if (file.error) log.warn(`${path}: read stopped early (${file.error}); the packets before count`);
  process.stdout.write(
    cli.json
      ? `${JSON.stringify(summary)}\n`
      : formatAnalysisTable(path, summary, file, cli.publish ? intervals.length : null),
  );
  if (!cli.publish) return 0;
  try {
    await publishFileReports({
      agentId,
      consoleUrl: config.consoleUrl,
      fileName,
      interface: iface,
      log,
      password: config.password,
      reports: intervals,
    });
  } catch (e) {
    return fail(1, `analyze --publish: ${errorMessage(e)}`);
  }
  return 0;
}
