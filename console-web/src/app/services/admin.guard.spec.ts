import { TestBed } from '@angular/core/testing';
import {
  ActivatedRouteSnapshot,
  RouterStateSnapshot,
  UrlTree,
  provideRouter,
} from '@angular/router';
import { FakePermissionsService } from '../../testing/fake-permissions.service';
import { adminGuard } from './admin.guard';
import { PermissionsService } from './permissions.service';

describe('adminGuard', () => {
  let permissions: FakePermissionsService;
  const run = (): unknown =>
    TestBed.runInInjectionContext(() =>
      adminGuard({} as ActivatedRouteSnapshot, { url: '/add-host' } as RouterStateSnapshot),
    );

  beforeEach(() => {
    permissions = new FakePermissionsService();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: PermissionsService, useValue: permissions }],
    });
  });

  it('lets an admin in', () => {
    expect(run()).toBeTrue();
  });

  it('sends a viewer to the fleet', () => {
    permissions.role.set('viewer');
    const result = run();
    expect(result).toBeInstanceOf(UrlTree);
    expect(String(result)).toBe('/hosts');
  });
});
