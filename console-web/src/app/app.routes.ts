import type { Routes } from '@angular/router';
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
  { path: '', pathMatch: 'full', redirectTo: 'hosts' },
  { path: '**', redirectTo: 'hosts' },
];
