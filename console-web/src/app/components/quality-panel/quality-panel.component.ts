import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { QualitySummary } from '../../analysis/quality-window';

/** How much of the wire the capture saw, and why some of it could not be read. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe],
  selector: 'nta-quality-panel',
  styleUrl: './quality-panel.component.scss',
  templateUrl: './quality-panel.component.html',
})
export class QualityPanelComponent {
  readonly summary = input<QualitySummary | null>(null);
}
