import { SetMetadata } from '@nestjs/common';

export const SESSION_ONLY_KEY = 'nta:sessionOnly';

// Managing people and tokens needs a person: an API token cannot mint or revoke tokens.
export const SessionOnly = (): MethodDecorator & ClassDecorator =>
  SetMetadata(SESSION_ONLY_KEY, true);
