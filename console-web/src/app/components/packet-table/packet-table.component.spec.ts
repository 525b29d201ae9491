import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { PacketSample } from '@nta/contracts';
import { PacketRow, appendPackets } from '../../analysis/packet-buffer';
import { PacketTableComponent } from './packet-table.component';

describe(PacketTableComponent.name, () => {
  let fixture: ComponentFixture<PacketTableComponent>;
  let buffer: PacketRow[];
  let received: number;
  const el = () => fixture.nativeElement as HTMLElement;
  const infos = () => [...el().querySelectorAll('tbody td.info')].map((td) => td.textContent);

  const sample = (i: number, protocol = 'TCP'): PacketSample => ({
    dst: '10.0.0.2',
    info: `packet ${i}`,
    length: 60,
    protocol,
    src: '10.0.0.1',
    ts: 1_700_000_000_000 + i,
  });

  async function receive(...samples: PacketSample[]): Promise<void> {
    buffer = appendPackets(buffer, samples, received + 1);
    received += samples.length;
    fixture.componentRef.setInput('packets', buffer);
    fixture.componentRef.setInput('received', received);
    await fixture.whenStable();
  }

  beforeEach(async () => {
    buffer = [];
    received = 0;
    fixture = TestBed.createComponent(PacketTableComponent);
    await receive(sample(1), sample(2, 'DNS'));
  });

  it('shows time, addresses, protocol, length and info, newest first', () => {
    const cells = [...el().querySelectorAll('tbody tr:first-child td')].map((td) => td.textContent);
    expect(cells[1]).toBe('10.0.0.1');
    expect(cells[2]).toBe('10.0.0.2');
    expect(cells[3]).toBe('DNS');
    expect(cells[4]).toBe('60');
    expect(cells[0]).toMatch(/^\d\d:\d\d:\d\d\.002$/);
    expect(infos()).toEqual(['packet 2', 'packet 1']);
  });

  it('stops updating while paused and catches up on resume', async () => {
    el().querySelector<HTMLButtonElement>('[data-test=pause]')!.click();
    await receive(sample(3), sample(4));

    expect(infos()).toEqual(['packet 2', 'packet 1']);
    expect(el().querySelector('[data-test=count]')?.textContent).toContain('2 new held back');
    expect(el().querySelector('[data-test=pause]')?.textContent?.trim()).toBe('Resume');

    el().querySelector<HTMLButtonElement>('[data-test=pause]')!.click();
    await fixture.whenStable();
    expect(infos()).toEqual(['packet 4', 'packet 3', 'packet 2', 'packet 1']);
  });

  it('filters the rows as the user types', async () => {
    const input = el().querySelector<HTMLInputElement>('input[type=search]')!;
    input.value = 'dns';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(infos()).toEqual(['packet 2']);
    expect(el().querySelector('[data-test=count]')?.textContent).toContain('1 of 2 shown');

    input.value = 'nothing like it';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(el().textContent).toContain('No packet matches the filter');
  });

  it('keeps one protocol picked from those seen', async () => {
    await receive(sample(3, 'UDP'));
    const select = el().querySelector<HTMLSelectElement>('[data-testid=packet-protocol]')!;
    expect([...select.options].map((o) => o.value)).toEqual(['', 'DNS', 'TCP', 'UDP']);

    select.value = 'TCP';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(infos()).toEqual(['packet 1']);

    select.value = '';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(infos()).toEqual(['packet 3', 'packet 2', 'packet 1']);
  });

  it('shows at most `cap` rows', async () => {
    fixture.componentRef.setInput('cap', 3);
    await receive(...Array.from({ length: 10 }, (_, i) => sample(i + 10)));
    expect(infos()).toEqual(['packet 19', 'packet 18', 'packet 17']);
  });

  it('keeps the buffer to 500 rows by default', async () => {
    await receive(...Array.from({ length: 600 }, (_, i) => sample(i + 100)));
    expect(buffer.length).toBe(500);
    expect(el().querySelectorAll('tbody tr').length).toBe(500);
    expect(infos()[0]).toBe('packet 699');
  });
});
