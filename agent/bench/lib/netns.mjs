// Two network namespaces joined by a veth pair, no addresses and IPv6 off, so the only frames on
// the link are the generator's. Deleting a namespace deletes its veth end too.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';

function run(cmd, args) {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function hasCommand(name) {
  return ['/usr/sbin', '/usr/bin', '/sbin', '/bin'].some((d) => existsSync(`${d}/${name}`));
}

/** Creates the pair; `destroy()` is idempotent and safe to call from exit handlers. */
export function createVethPair() {
  const tag = randomBytes(3).toString('hex');
  // Interface names are limited to 15 characters.
  const tx = { dev: `ntab${tag}t`, ns: `nta-bench-${tag}-tx` };
  const rx = { dev: `ntab${tag}r`, ns: `nta-bench-${tag}-rx` };
  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    for (const ns of [tx.ns, rx.ns]) {
      try {
        run('ip', ['netns', 'del', ns]);
      } catch {
        // never created, or already gone
      }
    }
  };
  const notes = [];
  try {
    run('ip', ['netns', 'add', tx.ns]);
    run('ip', ['netns', 'add', rx.ns]);
    run('ip', [
      'link',
      'add',
      tx.dev,
      'netns',
      tx.ns,
      'type',
      'veth',
      'peer',
      'name',
      rx.dev,
      'netns',
      rx.ns,
    ]);
    for (const end of [tx, rx]) {
      run('ip', ['netns', 'exec', end.ns, 'sysctl', '-qw', 'net.ipv6.conf.all.disable_ipv6=1']);
      run('ip', ['netns', 'exec', end.ns, 'sysctl', '-qw', 'net.ipv6.conf.default.disable_ipv6=1']);
    }
    if (hasCommand('ethtool')) {
      for (const end of [tx, rx]) {
        try {
          run('ip', [
            'netns',
            'exec',
            end.ns,
            'ethtool',
            '-K',
            end.dev,
            'gro',
            'off',
            'gso',
            'off',
            'tso',
            'off',
          ]);
        } catch (e) {
          notes.push(`ethtool on ${end.dev}: ${firstLine(e)}`);
        }
      }
    } else {
      notes.push(
        'ethtool not installed: offloads left at their defaults (frames are small anyway)',
      );
    }
    for (const end of [tx, rx]) run('ip', ['-n', end.ns, 'link', 'set', end.dev, 'up']);
  } catch (e) {
    destroy();
    throw new Error(`cannot create the veth pair: ${firstLine(e)}`);
  }
  return { destroy, notes, rx, tx };
}

/** rx_packets of `dev` inside `ns`, as the kernel counts them (the loss denominator). */
export function rxPackets(ns, dev) {
  const [link] = JSON.parse(run('ip', ['-n', ns, '-j', '-s', 'link', 'show', 'dev', dev]));
  return link.stats64.rx.packets;
}

export function firstLine(e) {
  const stderr = e?.stderr ? String(e.stderr).trim() : '';
  return (stderr || (e instanceof Error ? e.message : String(e))).split('\n')[0];
}
