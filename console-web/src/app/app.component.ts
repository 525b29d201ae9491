import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterOutlet } from '@angular/router';
import { ConnectionBadgeComponent } from './components/connection-badge/connection-badge.component';
import { AuthService } from './services/auth.service';
import { SessionStore } from './services/session.store';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ConnectionBadgeComponent, RouterLink, RouterOutlet],
  selector: 'nta-root',
  styleUrl: './app.component.scss',
  templateUrl: './app.component.html',
})
export class AppComponent {
  protected readonly auth = inject(AuthService);
  protected readonly session = inject(SessionStore);
}
