import type { Routes } from '@angular/router';
import { HostComponent } from './host.component';

export const HOST_ROUTES: Routes = [{ component: HostComponent, path: '', title: 'Host · NTA' }];
