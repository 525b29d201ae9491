import type { Routes } from '@angular/router';
import { adminGuard } from './services/admin.guard';
import { authGuard } from './services/auth.guard';

export const APP_ROUTES: Routes = [
  {
    loadChildren: () => import('./pages/login/login.routes').then((m) => m.LOGIN_ROUTES),
    path: 'login',
  },
  {
    canActivate: [authGuard],
    loadChildren: () => import('./pages/hosts/hosts.routes').then((m) => m.HOSTS_ROUTES),
    path: 'hosts',
  },
  {
    canActivate: [authGuard],
    loadChildren: () => import('./pages/host/host.routes').then((m) => m.HOST_ROUTES),
    path: 'hosts/:id',
  },
  {
    canActivate: [authGuard, adminGuard],
    loadChildren: () => import('./pages/add-host/add-host.routes').then((m) => m.ADD_HOST_ROUTES),
    path: 'add-host',
  },
  {
    canActivate: [authGuard],
    loadChildren: () => import('./pages/settings/settings.routes').then((m) => m.SETTINGS_ROUTES),
    path: 'settings',
  },
  { path: '', pathMatch: 'full', redirectTo: 'hosts' },
  { path: '**', redirectTo: 'hosts' },
];
