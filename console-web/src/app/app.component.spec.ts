import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { FakeLiveService } from '../testing/fake-live.service';
import { FakePermissionsService } from '../testing/fake-permissions.service';
import { AppComponent } from './app.component';
import { LiveService } from './services/live.service';
import { PermissionsService } from './services/permissions.service';
import { SessionStore } from './services/session.store';
import { THEME_STORAGE_KEY } from './services/theme.service';

describe(AppComponent.name, () => {
  let fixture: ComponentFixture<AppComponent>;
  let live: FakeLiveService;
  let permissions: FakePermissionsService;
  const el = () => fixture.nativeElement as HTMLElement;
  const nav = () => [...el().querySelectorAll('nav a')].map((a) => a.textContent?.trim());

  beforeEach(async () => {
    localStorage.clear();
    live = new FakeLiveService();
    permissions = new FakePermissionsService();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: LiveService, useValue: live },
        { provide: PermissionsService, useValue: permissions },
      ],
    });
    TestBed.inject(SessionStore).save({
      expiresAt: Date.now() + 60_000,
      token: 't',
      user: { role: 'admin', username: 'ann' },
    });
    fixture = TestBed.createComponent(AppComponent);
    await fixture.whenStable();
  });

  afterEach(() => {
    localStorage.clear();
    delete document.documentElement.dataset['theme'];
  });

  it('shows the pages an admin can use and the live connection state', async () => {
    expect(nav()).toEqual(['Fleet', 'Add host', 'Settings']);
    expect(el().querySelector('nta-connection-badge')?.textContent).toContain('Live');
    live.state.set('reconnecting');
    await fixture.whenStable();
    expect(el().querySelector('nta-connection-badge')?.textContent).toContain('Reconnecting');
  });

  it('hides Add host from a viewer', async () => {
    permissions.role.set('viewer');
    await fixture.whenStable();
    expect(nav()).toEqual(['Fleet', 'Settings']);
    expect(el().textContent).toContain('ann (viewer)');
  });

  it('switches the theme and remembers it', async () => {
    const before = document.documentElement.dataset['theme'];
    el().querySelector<HTMLButtonElement>('[data-test=theme]')!.click();
    await fixture.whenStable();
    const after = document.documentElement.dataset['theme'];
    expect(after).not.toBe(before);
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe(after!);
  });
});
