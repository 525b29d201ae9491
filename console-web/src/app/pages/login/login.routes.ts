import type { Routes } from '@angular/router';
import { LoginComponent } from './login.component';

export const LOGIN_ROUTES: Routes = [
  { component: LoginComponent, path: '', title: 'Sign in · NTA' },
];
