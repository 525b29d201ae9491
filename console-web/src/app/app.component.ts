import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ConnectionBadgeComponent } from './components/connection-badge/connection-badge.component';
import { AuthService } from './services/auth.service';
import { PermissionsService } from './services/permissions.service';
import { SessionStore } from './services/session.store';
import { ThemeService } from './services/theme.service';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ConnectionBadgeComponent, RouterLink, RouterLinkActive, RouterOutlet],
  selector: 'nta-root',
  styleUrl: './app.component.scss',
  templateUrl: './app.component.html',
})
export class AppComponent {
  protected readonly auth = inject(AuthService);
  protected readonly permissions = inject(PermissionsService);
  protected readonly session = inject(SessionStore);
  // Injected here so the theme applies from the first paint, the login page included.
  protected readonly theme = inject(ThemeService);
}
