import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './agent-bundle.service';
import { agentBundleFiles, dependencyClosure } from './bundle-files';

describe(dependencyClosure.name, () => {
  it("follows mqtt's dependencies through the installed node_modules", () => {
    const sut = dependencyClosure(REPO_ROOT, ['mqtt']);

    expect(sut).toContain(join('node_modules', 'mqtt'));
    expect(sut).toContain(join('node_modules', 'mqtt-packet'));
    expect(sut).toContain(join('node_modules', 'ws'));
    expect(sut.every((dir) => existsSync(join(REPO_ROOT, dir, 'package.json')))).toBeTrue();
  });

  it('says which package is missing', () => {
    expect(() => dependencyClosure(REPO_ROOT, ['no-such-package-nta'])).toThrowError(
      /"no-such-package-nta" is not installed/,
    );
  });
});

describe(agentBundleFiles.name, () => {
  it('lays out the agent, its addon, contracts, runtime packages and the unit, nothing of the build', () => {
    const paths = agentBundleFiles(REPO_ROOT).map((f) => f.archivePath);

    expect(paths).toContain('agent/dist/main.js');
    expect(paths).toContain('agent/native/build/Release/nta_pcap.node');
    expect(paths).toContain('node_modules/@nta/contracts/dist/index.js');
    expect(paths).toContain('node_modules/zod/package.json');
    expect(paths).toContain('node_modules/cap/build/Release/cap.node');
    expect(paths).toContain('infra/systemd/nta-agent.service');
    expect(paths.some((p) => p.endsWith('.spec.js') || p.endsWith('.d.ts'))).toBeFalse();
    expect(paths.some((p) => p.startsWith('node_modules/typescript/'))).toBeFalse();
  });
});
