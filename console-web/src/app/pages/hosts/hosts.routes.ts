import type { Routes } from '@angular/router';
import { HostsComponent } from './hosts.component';

export const HOSTS_ROUTES: Routes = [{ component: HostsComponent, path: '', title: 'Fleet · NTA' }];
