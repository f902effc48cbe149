import { Role, ROLES } from '@ogp/auth';

/** Any logged-in person, whatever their role. */
export const ALL_ROLES: Role[] = [...ROLES];
export const STAFF_ROLES: Role[] = ['coordinator', 'admin'];
