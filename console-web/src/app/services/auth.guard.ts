import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { SessionStore } from './session.store';

export const authGuard: CanActivateFn = (_route, state) => {
  const session = inject(SessionStore);
  if (session.isValid()) return true;
  session.clear();
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};
