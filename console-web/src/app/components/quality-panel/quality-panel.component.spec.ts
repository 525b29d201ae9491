import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { QualitySummary } from '../../analysis/quality-window';
import { QualityPanelComponent } from './quality-panel.component';

describe(QualityPanelComponent.name, () => {
  let fixture: ComponentFixture<QualityPanelComponent>;
  const summary: QualitySummary = {
    captured: 950,
    coveragePct: 95,
    drops: 12,
    flowsActive: 4321,
    flowsEvicted: 17,
    interfacePackets: 1000,
    lagLatestMs: 8,
    lagMaxMs: 40,
    linkTypes: [{ count: 3, reason: '147' }],
    queued: 2,
    reports: 60,
    tunnels: { gre: 1, vxlan: 0 },
    undecodable: 7,
    undecodableReasons: [
      { count: 5, reason: 'truncated' },
      { count: 2, reason: 'ipv4-bad-checksum' },
    ],
  };
  const text = (test: string) =>
    (fixture.nativeElement as HTMLElement).querySelector(`[data-test=${test}]`)?.textContent ?? '';

  beforeEach(() => {
    fixture = TestBed.createComponent(QualityPanelComponent);
  });

  it('shows coverage, drops, undecodable with reasons, lag and queue', async () => {
    fixture.componentRef.setInput('summary', summary);
    await fixture.whenStable();

    expect(text('coverage')).toContain('95 %');
    expect(text('coverage')).toContain('950 of 1,000 packets');
    expect(text('drops')).toContain('12');
    expect(text('undecodable')).toContain('7');
    expect(text('reasons')).toContain('truncated');
    expect(text('reasons')).toContain('ipv4-bad-checksum');
    expect(text('link-types')).toContain('DLT 147');
    expect(text('lag')).toContain('8 ms');
    expect(text('lag')).toContain('max 40 ms');
    expect(text('queued')).toContain('2');
    expect(text('flows')).toContain('4,321');
    expect(text('flows')).toContain('17 evicted');
  });

  it('says "unknown" where the agent cannot count', async () => {
    fixture.componentRef.setInput('summary', {
      ...summary,
      coveragePct: null,
      drops: null,
      interfacePackets: null,
      linkTypes: [],
      undecodableReasons: [],
    });
    await fixture.whenStable();

    expect(text('coverage')).toContain('unknown');
    expect(text('drops')).toContain('unknown');
    expect(text('reasons')).toBe('');
  });

  it('waits for the first report', async () => {
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('No report yet');
  });
});
