import type { Routes } from '@angular/router';
import { AddHostComponent } from './add-host.component';

export const ADD_HOST_ROUTES: Routes = [
  { component: AddHostComponent, path: '', title: 'Add host · NTA' },
];
