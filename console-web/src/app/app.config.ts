import { ApplicationConfig, provideZonelessChangeDetection } from '@angular/core';

export const APP_CONFIG: ApplicationConfig = {
  providers: [provideZonelessChangeDetection()],
};
