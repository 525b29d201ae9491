import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { FakeLiveService } from '../../../testing/fake-live.service';
import { FakePermissionsService } from '../../../testing/fake-permissions.service';
import { LiveService } from '../../services/live.service';
import { PermissionsService } from '../../services/permissions.service';
import { SettingsComponent } from './settings.component';
import { SETTINGS_ROUTES } from './settings.routes';

describe(SettingsComponent.name, () => {
  let permissions: FakePermissionsService;

  beforeEach(() => {
    permissions = new FakePermissionsService();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { children: SETTINGS_ROUTES, path: 'settings' },
          { path: 'hosts', children: [] },
        ]),
        { provide: LiveService, useValue: new FakeLiveService() },
        { provide: PermissionsService, useValue: permissions },
      ],
    });
  });

  const tabs = (el: HTMLElement) =>
    [...el.querySelectorAll('.tabs a')].map((a) => a.textContent?.trim());

  it('opens on users for an admin, with every tab', async () => {
    const harness = await RouterTestingHarness.create('/settings');
    expect(harness.routeNativeElement?.querySelector('nta-users')).not.toBeNull();
    expect(tabs(harness.routeNativeElement!)).toEqual(['Users', 'API tokens', 'Alerts']);
  });

  it('opens on alerts for a viewer and keeps the admin pages closed', async () => {
    permissions.role.set('viewer');
    const harness = await RouterTestingHarness.create('/settings');
    expect(harness.routeNativeElement?.querySelector('nta-alerts')).not.toBeNull();
    expect(tabs(harness.routeNativeElement!)).toEqual(['Alerts']);

    await harness.navigateByUrl('/settings/api-tokens');
    expect(TestBed.inject(Router).url).toBe('/hosts');
  });
});
