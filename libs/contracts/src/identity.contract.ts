import { event } from './rpc-contract';
import { Language } from './language.constant';

export const ROLES = ['citizen', 'cso', 'project_manager', 'committee_member', 'coordinator', 'admin'] as const;
export type RoleName = (typeof ROLES)[number];

export interface ScopeSet {
  institutions: string[];
  programmes: string[];
}

/** What the notifications service needs to reach a person; sent only on the event bus. */
export interface UserDirectoryEntry {
  userId: string;
  email: string;
  displayName: string;
  roles: RoleName[];
  scopes: ScopeSet;
  language: Language;
  active: boolean;
}

export const IdentityEvents = {
  userRegistered: event<UserDirectoryEntry>('identity.user.registered'),
  userCreated: event<UserDirectoryEntry>('identity.user.created'),
  userDeactivated: event<UserDirectoryEntry>('identity.user.deactivated'),
} as const;
