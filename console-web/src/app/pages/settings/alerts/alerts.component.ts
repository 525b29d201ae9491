import { ChangeDetectionStrategy, Component } from '@angular/core';
import { AlertHistoryComponent } from './alert-history.component';
import { AlertRulesComponent } from './alert-rules.component';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AlertHistoryComponent, AlertRulesComponent],
  selector: 'nta-alerts',
  template: `<nta-alert-rules /><nta-alert-history />`,
})
export class AlertsComponent {}
