#!/usr/bin/env node
import type { InterfaceInfo } from '@nta/contracts';
import { readFileSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { chooseDefaultInterface, listInterfaces } from './capture/interfaces';
import { createLogger, errorMessage } from './common/logger';
import { CliError, parseCliArgs, USAGE } from './config/cli-args';
import { ConfigError, loadConfig } from './config/load-config';
import type { AgentConfig } from './config/agent-config';

function main(argv: string[]): number | null {
  let cli;
  let config;
  try {
    cli = parseCliArgs(argv);
    if (cli.command === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    config = loadConfig({
      cli,
      defaultInterface: chooseDefaultInterface,
      env: process.env,
      homedir: homedir(),
      hostname: hostname(),
      isRoot: process.getuid?.() === 0,
      readFile: (path) => readFileSync(path, 'utf8'),
    });
  } catch (e) {
    if (e instanceof CliError || e instanceof ConfigError) {
      process.stderr.write(`nta-agent: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (cli.command === 'interfaces') {
    try {
      const list = listInterfaces();
      process.stdout.write(cli.json ? `${JSON.stringify(list, null, 2)}\n` : formatTable(list));
      return 0;
    } catch (e) {
      process.stderr.write(`nta-agent: cannot list interfaces: ${errorMessage(e)}\n`);
      return 1;
    }
  }
  // Each command loads only its own modules: the long-running `run` keeps none of the others.
  if (cli.command === 'analyze') {
    void import('./cli/analyze-command')
      .then(({ runAnalyze }) => runAnalyze(cli, config))
      .then((code) => process.stdout.write('', () => process.exit(code)));
    return null;
  }
  if (cli.command === 'watch') {
    void import('./cli/watch-command').then(({ runWatch }) => runWatch(cli, config));
    return null;
  }
  void startRun(config).then((code) => {
    if (code !== null) process.exitCode = code;
  });
  return null;
}

async function startRun(config: AgentConfig): Promise<number | null> {
  const { AgentRuntime } = await import('./runtime/agent-runtime');
  const log = createLogger(config.logLevel);
  let runtime: InstanceType<typeof AgentRuntime>;
  try {
    runtime = new AgentRuntime(config, log);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`nta-agent: ${e.message}\n`);
    return 2;
  }
  let stopping = false;
  const stop = (signal: string) => {
    // A second signal means "now": skip the orderly shutdown.
    if (stopping) process.exit(1);
    stopping = true;
    runtime.shutdown(signal).then(
      () => process.exit(0),
      (e: unknown) => {
        log.error(`shutdown: ${errorMessage(e)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  runtime.start();
  return null;
}

function formatTable(list: InterfaceInfo[]): string {
  const rows = list.map((i) => [
    `${i.name}${i.isDefault ? ' *' : ''}`,
    i.up ? 'up' : 'down',
    i.mtu === null ? '-' : String(i.mtu),
    i.mac ?? '-',
    i.addresses.map((a) => a.address).join(', ') || '-',
  ]);
  const header = ['NAME', 'STATE', 'MTU', 'MAC', 'ADDRESSES'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  return `${[header, ...rows].map(line).join('\n')}\n(* = default-route interface)\n`;
}

const argv = process.argv.slice(2);
if (argv[0] === 'enrol') {
  // `enrol` (agent/src/enrol) has its own flags and runs before any capture config is loaded.
  const print = (stream: NodeJS.WriteStream) => (line: string) => stream.write(`${line}\n`);
  void import('./enrol/enrol-command')
    .then(({ runEnrol }) =>
      runEnrol(argv.slice(1), {
        env: process.env,
        err: print(process.stderr),
        out: print(process.stdout),
      }),
    )
    .then((code) => (process.exitCode = code));
} else {
  const code = main(argv);
  if (code !== null) process.exitCode = code;
}
