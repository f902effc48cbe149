import { SetMetadata } from '@nestjs/common';
import { Role } from './role.constant';

export const ROLES_KEY = 'ogp:roles';
export const PUBLIC_KEY = 'ogp:public';

/** The roles a route admits. A route with neither @Roles nor @Public is denied to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Open to anyone, logged in or not. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
