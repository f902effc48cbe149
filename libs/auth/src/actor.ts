import { Language, ScopeSet } from '@ogp/contracts';
import { Role, ROLES } from './role.constant';

/** Who is acting: travels from the gateway to the services in the `x-actor` header. */
export interface Actor {
  id: string;
  roles: Role[];
  scopes: ScopeSet;
  language?: Language;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parses and checks an actor header; anything malformed is treated as no actor at all. */
export function parseActor(raw: string | undefined | null): Actor | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Actor>;
    if (typeof value.id !== 'string' || !UUID.test(value.id)) return null;
    if (!Array.isArray(value.roles) || !value.roles.every((r) => (ROLES as readonly string[]).includes(r))) return null;
    const scopes = value.scopes ?? { institutions: [], programmes: [] };
    const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
    if (!strings(scopes.institutions) || !strings(scopes.programmes)) return null;
    return { id: value.id, roles: value.roles as Role[], scopes, language: value.language };
  } catch {
    return null;
  }
}

export function hasAnyRole(actor: Actor | null | undefined, roles: readonly Role[]): boolean {
  return !!actor && actor.roles.some((r) => roles.includes(r));
}
