import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideZonelessChangeDetection } from '@angular/core';
import { provideAnimationsAsync } from '@angular/platform-browser/animations/async';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { APP_ROUTES } from './app.routes';
import { authInterceptor } from './services/auth.interceptor';

export const APP_CONFIG: ApplicationConfig = {
  providers: [
    // ngx-charts 25 still declares @angular/animations triggers; loaded lazily off the first paint.
    provideAnimationsAsync(),
    provideHttpClient(withInterceptors([authInterceptor])),
    provideRouter(APP_ROUTES, withComponentInputBinding()),
    provideZonelessChangeDetection(),
  ],
};
