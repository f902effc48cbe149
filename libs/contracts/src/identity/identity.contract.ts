import { event } from '../common/rpc-contract';
import { Language } from '../common/language.constant';

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
  /** A change of display name, language, roles or scopes: the directory copies follow it. */
  userUpdated: event<UserDirectoryEntry>('identity.user.updated'),
} as const;

/** What an account e-mail (welcome, security notice) needs: it goes to this address whatever the preferences. */
export interface AccountMailEvent {
  userId: string;
  email: string;
  displayName: string;
  language: Language;
}

/** The link holds a single-use secret valid until expiresAt; only its SHA-256 is kept by identity. */
export interface PasswordResetRequestedEvent extends AccountMailEvent {
  resetUrl: string;
  expiresAt: string;
}

export const AccountMailEvents = {
  /** A self-registered account is ready: its owner gets the welcome e-mail ("check your e-mail"). */
  welcome: event<AccountMailEvent>('identity.account.welcome'),
  /** Someone tried to register with an address that has an account: its owner is told, the caller is not. */
  registrationWithExistingAddress: event<AccountMailEvent>('identity.registration.existing-address'),
  passwordResetRequested: event<PasswordResetRequestedEvent>('identity.password-reset.requested'),
  passwordChanged: event<AccountMailEvent>('identity.password.changed'),
} as const;
