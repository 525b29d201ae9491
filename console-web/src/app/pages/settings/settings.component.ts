import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { PermissionsService } from '../../services/permissions.service';

/** Settings: a tab per area; viewers see only what they may read. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive, RouterOutlet],
  selector: 'nta-settings',
  styles: `
    .tabs {
      border-bottom: 1px solid var(--border);
      display: flex;
      gap: 4px;
      margin-bottom: 16px;
    }
    .tabs a {
      border-bottom: 2px solid transparent;
      color: var(--muted);
      padding: 6px 12px;
      text-decoration: none;
    }
    .tabs a.active {
      border-color: var(--accent);
      color: var(--text);
    }
  `,
  template: `
    <header class="page-head"><h1>Settings</h1></header>
    <nav class="tabs" aria-label="Settings">
      @if (permissions.canAdmin()) {
        <a routerLink="users" routerLinkActive="active">Users</a>
        <a routerLink="api-tokens" routerLinkActive="active">API tokens</a>
      }
      <a routerLink="alerts" routerLinkActive="active">Alerts</a>
    </nav>
    <router-outlet />
  `,
})
export class SettingsComponent {
  protected readonly permissions = inject(PermissionsService);
}
