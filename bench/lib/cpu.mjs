// CPU seconds (user + system) of processes read from /proc, to split a step's CPU between the
// console, Postgres and the bench's own simulated agents (all on the same cores).
import { readdirSync, readFileSync } from 'node:fs';

const HZ = 100;

/** CPU seconds a process has used so far, 0 when it is gone. */
export function processCpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / HZ;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds per pid of the Postgres backends serving `database` plus the server's shared helpers
 * (WAL writer, checkpointer, background writer: they work for every database, the bench's too).
 */
export function postgresCpu(database) {
  const byPid = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmd;
    try {
      cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmd.startsWith('postgres:')) continue;
    const mine = cmd.includes(` ${database} `);
    const shared = /walwriter|checkpointer|background writer/.test(cmd);
    if (mine || shared) byPid.set(entry, processCpuSeconds(Number(entry)));
  }
  return byPid;
}

/**
 * CPU seconds Postgres used between two postgresCpu() readings: a backend started meanwhile
 * counts from zero; one that ended meanwhile (pool churn) is lost, so this is a lower bound.
 */
export function postgresCpuBetween(before, after) {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** CPU seconds of this process (the bench and its simulated agents). */
export function selfCpuSeconds() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}
