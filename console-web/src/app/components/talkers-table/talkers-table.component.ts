import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { TalkerView } from '../../analysis/talker-window';
import { BytesPipe } from '../../pipes/bytes.pipe';

/** Busiest addresses of one side (local or remote), with DNS names and an "others" row. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BytesPipe, DecimalPipe],
  selector: 'nta-talkers-table',
  styleUrl: './talkers-table.component.scss',
  templateUrl: './talkers-table.component.html',
})
export class TalkersTableComponent {
  readonly heading = input.required<string>();
  readonly view = input.required<TalkerView>();
}
