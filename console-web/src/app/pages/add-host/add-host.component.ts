import { ChangeDetectionStrategy, Component } from '@angular/core';
import { EnrolledAgentsComponent } from './enrolled-agents.component';
import { EnrolmentTokensComponent } from './enrolment-tokens.component';

/** Add host: make an enrolment token, copy the install line, watch agents enrol. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EnrolledAgentsComponent, EnrolmentTokensComponent],
  selector: 'nta-add-host',
  template: `
    <header class="page-head"><h1>Add host</h1></header>
    <p class="muted">
      Create an enrolment token, then run the install command on the machine to watch. The agent
      enrols with the token and appears in the fleet.
    </p>
    <nta-enrolment-tokens />
    <nta-enrolled-agents />
  `,
})
export class AddHostComponent {}
