import { NotificationMode } from '@ogp/contracts';
import { NOTIFICATION_TYPES } from '../dispatch/templates.constant';
import { defaultMode } from './default-mode';

/** A person's mode for every notification type: the one they chose, else the type's default. */
export function preferenceModes(chosen: ReadonlyMap<string, NotificationMode>): Record<string, NotificationMode> {
  return Object.fromEntries(NOTIFICATION_TYPES.map((t) => [t, chosen.get(t) ?? defaultMode(t)]));
}
