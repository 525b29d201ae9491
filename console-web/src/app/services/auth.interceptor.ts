import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { API_BASE, apiUrl } from './api-url';
import { SessionStore } from './session.store';

const LOGIN_URL = apiUrl('auth', 'login');

/** Adds the bearer token to API calls; a 401 ends the session and goes back to the login page. */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const router = inject(Router);
  const session = inject(SessionStore);
  const isApi = req.url.startsWith(`${API_BASE}/`);
  const isLogin = req.url === LOGIN_URL;
  const token = session.token();
  // Only our own API gets the token, never a third-party URL.
  const sent =
    isApi && !isLogin && token
      ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } })
      : req;
  return next(sent).pipe(
    catchError((err: unknown) => {
      if (err instanceof HttpErrorResponse && err.status === 401 && isApi && !isLogin) {
        session.clear();
        const returnUrl = router.url.startsWith('/login') ? undefined : router.url;
        void router.navigate(['/login'], { queryParams: { returnUrl } });
      }
      return throwError(() => err);
    }),
  );
};
