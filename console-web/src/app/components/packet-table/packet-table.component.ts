import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { PACKET_ROWS_CAP, PacketRow, matchesFilter } from '../../analysis/packet-buffer';

/**
 * Sampled packets, newest first: pause freezes the rows, the text filter matches any column,
 * the protocol picker keeps one protocol.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  selector: 'nta-packet-table',
  styleUrl: './packet-table.component.scss',
  templateUrl: './packet-table.component.html',
})
export class PacketTableComponent {
  readonly cap = input(PACKET_ROWS_CAP);
  readonly packets = input.required<readonly PacketRow[]>();
  // Total received so far; the difference since pausing is what the frozen view holds back.
  readonly received = input(0);

  readonly filterText = signal('');
  readonly protocol = signal('');
  private readonly frozen = signal<{ received: number; rows: readonly PacketRow[] } | null>(null);

  protected readonly paused = computed(() => this.frozen() !== null);
  protected readonly heldBack = computed(() => {
    const frozen = this.frozen();
    return frozen ? this.received() - frozen.received : 0;
  });
  protected readonly source = computed(() => this.frozen()?.rows ?? this.packets());
  protected readonly protocols = computed(() =>
    [...new Set(this.source().map((row) => row.protocol))].sort(),
  );
  protected readonly rows = computed(() => {
    const text = this.filterText();
    const protocol = this.protocol();
    return this.source()
      .filter((row) => (!protocol || row.protocol === protocol) && matchesFilter(row, text))
      .slice(0, this.cap());
  });

  protected onFilter(event: Event): void {
    this.filterText.set((event.target as HTMLInputElement).value);
  }

  protected onProtocol(event: Event): void {
    this.protocol.set((event.target as HTMLSelectElement).value);
  }

  togglePause(): void {
    this.frozen.set(this.frozen() ? null : { received: this.received(), rows: this.packets() });
  }
}
