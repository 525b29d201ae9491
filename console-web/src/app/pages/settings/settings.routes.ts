import { inject } from '@angular/core';
import type { Routes } from '@angular/router';
import { adminGuard } from '../../services/admin.guard';
import { PermissionsService } from '../../services/permissions.service';
import { AlertsComponent } from './alerts/alerts.component';
import { ApiTokensComponent } from './api-tokens/api-tokens.component';
import { SettingsComponent } from './settings.component';
import { UsersComponent } from './users/users.component';

export const SETTINGS_ROUTES: Routes = [
  {
    children: [
      {
        path: '',
        pathMatch: 'full',
        // A viewer may only read the alerts; users and tokens are admin pages.
        redirectTo: () => (inject(PermissionsService).canAdmin() ? 'users' : 'alerts'),
      },
      { canActivate: [adminGuard], component: UsersComponent, path: 'users', title: 'Users · NTA' },
      {
        canActivate: [adminGuard],
        component: ApiTokensComponent,
        path: 'api-tokens',
        title: 'API tokens · NTA',
      },
      { component: AlertsComponent, path: 'alerts', title: 'Alerts · NTA' },
    ],
    component: SettingsComponent,
    path: '',
  },
];
