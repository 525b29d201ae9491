import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { EnrolledAgent } from '@nta/contracts';
import { apiErrorMessage } from '../../services/api-error';
import { EnrolmentService } from '../../services/enrolment.service';
import { loadable } from '../../services/loadable';

/** Agents that enrolled: pending (never seen yet) or enrolled, and revoking their credentials. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  selector: 'nta-enrolled-agents',
  templateUrl: './enrolled-agents.component.html',
})
export class EnrolledAgentsComponent {
  private readonly enrolment = inject(EnrolmentService);

  protected readonly agents = loadable(() => this.enrolment.agents());
  protected readonly error = signal<string | null>(null);

  protected revoke(agent: EnrolledAgent): void {
    if (!confirm(`Revoke ${agent.hostname}? Its agent can no longer connect until re-enrolled.`)) {
      return;
    }
    this.enrolment.revokeAgent(agent.agentId).subscribe({
      error: (err: unknown) => this.error.set(apiErrorMessage(err)),
      next: () => this.agents.load(),
    });
  }

  protected state(agent: EnrolledAgent): 'offline' | 'online' | 'pending' | 'revoked' {
    if (agent.revokedAt !== null) return 'revoked';
    if (agent.online) return 'online';
    return agent.lastSeen === null ? 'pending' : 'offline';
  }
}
