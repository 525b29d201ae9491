import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { FleetSummary } from '@nta/contracts';
import { ProtocolPieComponent } from '../../components/protocol-pie/protocol-pie.component';
import { BytesPipe } from '../../pipes/bytes.pipe';

/** Fleet-wide figures from the `fleet` summary: host counts, live rates, the transport mix. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BytesPipe, DecimalPipe, ProtocolPieComponent],
  selector: 'nta-fleet-totals',
  styleUrl: './fleet-totals.component.scss',
  template: `
    @let s = summary();
    <div class="tiles">
      <div class="card tile" data-test="hosts">
        <span class="label">Hosts online</span>
        <strong>{{ s.hosts.online }} / {{ s.hosts.total }}</strong>
        <span class="muted">{{ s.hosts.offline }} offline</span>
      </div>
      <div class="card tile" data-test="capturing">
        <span class="label">Capturing</span>
        <strong>{{ s.hosts.capturing }}</strong>
      </div>
      <div class="card tile" data-test="bps">
        <span class="label">Bytes/s</span>
        <strong>{{ s.rate.bytesPerSec | bytes: '/s' }}</strong>
        <span class="muted">{{ s.totals.bytes | bytes }} in the last minute</span>
      </div>
      <div class="card tile" data-test="pps">
        <span class="label">Packets/s</span>
        <strong>{{ s.rate.packetsPerSec | number: '1.0-0' }}</strong>
        <span class="muted">{{ s.totals.packets | number }} in the last minute</span>
      </div>
    </div>
    <nta-protocol-pie class="card pie" [counters]="s.transport" />
  `,
})
export class FleetTotalsComponent {
  readonly summary = input.required<FleetSummary>();
}
