import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { FlowView } from '../../analysis/flow-window';
import { BytesPipe } from '../../pipes/bytes.pipe';
import { formatEndpoint } from './endpoint';

/** The busiest flows of the window, both directions, with an "others" row so totals add up. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BytesPipe, DecimalPipe],
  selector: 'nta-flows-table',
  styleUrl: './flows-table.component.scss',
  templateUrl: './flows-table.component.html',
})
export class FlowsTableComponent {
  readonly names = input<ReadonlyMap<string, string>>(new Map());
  readonly view = input.required<FlowView>();

  protected readonly endpoint = formatEndpoint;
}
