import { AlertsController } from '../../app/alerts/alerts.controller';
import { CaptureController } from '../../app/capture/capture.controller';
import { GroupsController } from '../../app/hosts/groups.controller';
import { HostsController } from '../../app/hosts/hosts.controller';
import { LegacyController } from '../../app/legacy/legacy.controller';
import { ROLES_KEY } from './roles.decorator';

type Controller = abstract new (...args: never[]) => object;

function roles(controller: Controller, method: string): unknown {
  const handler = (controller.prototype as Record<string, unknown>)[method];
  return (
    Reflect.getMetadata(ROLES_KEY, handler as object) ?? Reflect.getMetadata(ROLES_KEY, controller)
  );
}

// The guard enforces @Roles; this pins which routes carry it, so none is dropped by accident.
describe('admin-only routes', () => {
  const ADMIN: [Controller, string[]][] = [
    [AlertsController, ['create', 'update', 'remove']],
    [CaptureController, ['start', 'stop', 'switch', 'filter']],
    [HostsController, ['update', 'remove']],
    [LegacyController, ['start', 'stop']],
  ];
  const ANY_ROLE: [Controller, string[]][] = [
    [AlertsController, ['rules', 'events']],
    [CaptureController, ['refreshInterfaces']],
    [GroupsController, ['list']],
    [HostsController, ['list', 'get', 'interfaces', 'stats']],
    [LegacyController, ['interfaces', 'stats']],
  ];

  it('marks writes admin only', () => {
    for (const [controller, methods] of ADMIN) {
      for (const m of methods)
        expect(roles(controller, m)).withContext(`${controller.name}.${m}`).toEqual(['admin']);
    }
  });

  it('leaves reads to every role', () => {
    for (const [controller, methods] of ANY_ROLE) {
      for (const m of methods)
        expect(roles(controller, m)).withContext(`${controller.name}.${m}`).toBeUndefined();
    }
  });
});
