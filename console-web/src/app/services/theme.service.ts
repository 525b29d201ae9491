import { DOCUMENT } from '@angular/common';
import { Injectable, effect, inject, signal } from '@angular/core';

export type Theme = 'dark' | 'light';

export const THEME_STORAGE_KEY = 'nta.theme';

function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(THEME_STORAGE_KEY);
    return value === 'dark' || value === 'light' ? value : null;
  } catch {
    return null;
  }
}

/** Light or dark: the saved choice, else the system's; set as `data-theme` on <html>. */
@Injectable({ providedIn: 'root' })
export class ThemeService {
  private readonly document = inject(DOCUMENT);

  readonly theme = signal<Theme>(storedTheme() ?? this.systemTheme());

  constructor() {
    // Until the user picks one, follow the system when it switches (e.g. at sunset).
    this.document.defaultView
      ?.matchMedia?.('(prefers-color-scheme: dark)')
      .addEventListener?.('change', (event) => {
        if (!storedTheme()) this.theme.set(event.matches ? 'dark' : 'light');
      });
    effect(() => {
      this.document.documentElement.dataset['theme'] = this.theme();
      this.document.documentElement.style.colorScheme = this.theme();
    });
  }

  toggle(): void {
    const next: Theme = this.theme() === 'dark' ? 'light' : 'dark';
    localStorage.setItem(THEME_STORAGE_KEY, next);
    this.theme.set(next);
  }

  private systemTheme(): Theme {
    const view = this.document.defaultView;
    return view?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
}
