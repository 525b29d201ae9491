import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { PermissionsService } from './permissions.service';

/** Admin-only pages: a viewer lands on the fleet instead of a page of refused calls. */
export const adminGuard: CanActivateFn = () =>
  inject(PermissionsService).canAdmin() || inject(Router).createUrlTree(['/hosts']);
