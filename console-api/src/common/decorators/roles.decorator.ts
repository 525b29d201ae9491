import { SetMetadata } from '@nestjs/common';
import type { UserRole } from '@nta/contracts';

export const ROLES_KEY = 'nta:roles';

/** Limits a route to these roles (the auth guard enforces it); unmarked routes allow any role. */
export const Roles = (...roles: UserRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);
