import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'nta:isPublic';

/** Opens a route to unauthenticated callers; everything else needs a Bearer JWT. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
