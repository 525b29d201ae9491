import { TestBed } from '@angular/core/testing';
import { THEME_STORAGE_KEY, ThemeService } from './theme.service';

describe(ThemeService.name, () => {
  const html = document.documentElement;
  let dark: boolean;
  let listeners: ((e: { matches: boolean }) => void)[];

  beforeEach(() => {
    localStorage.removeItem(THEME_STORAGE_KEY);
    dark = false;
    listeners = [];
    spyOn(window, 'matchMedia').and.callFake(
      (query: string) =>
        ({
          addEventListener: (_type: string, listener: (e: { matches: boolean }) => void) =>
            listeners.push(listener),
          matches: dark && query.includes('dark'),
        }) as unknown as MediaQueryList,
    );
  });

  afterEach(() => {
    localStorage.removeItem(THEME_STORAGE_KEY);
    delete html.dataset['theme'];
    html.style.colorScheme = '';
  });

  it("follows the system's preference when nothing is saved", () => {
    dark = true;
    const sut = TestBed.inject(ThemeService);
    TestBed.tick();
    expect(sut.theme()).toBe('dark');
    expect(html.dataset['theme']).toBe('dark');
  });

  it('toggles, applies and remembers the choice', () => {
    const sut = TestBed.inject(ThemeService);
    TestBed.tick();
    expect(html.dataset['theme']).toBe('light');

    sut.toggle();
    TestBed.tick();
    expect(html.dataset['theme']).toBe('dark');
    expect(html.style.colorScheme).toBe('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
  });

  it('prefers the saved choice over the system', () => {
    dark = true;
    localStorage.setItem(THEME_STORAGE_KEY, 'light');
    expect(TestBed.inject(ThemeService).theme()).toBe('light');
  });

  it('follows a system switch until the user picked a theme', () => {
    const sut = TestBed.inject(ThemeService);
    listeners.forEach((listener) => listener({ matches: true }));
    expect(sut.theme()).toBe('dark');

    sut.toggle();
    listeners.forEach((listener) => listener({ matches: true }));
    expect(sut.theme()).toBe('light');
  });
});
