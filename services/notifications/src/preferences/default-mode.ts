import { NotificationMode } from '@ogp/contracts';
import { FOLLOW_TYPES } from '../dispatch/follow-templates.constant';

/** Alerts and news of what a person follows go by e-mail at once unless they chose otherwise; other types stay in the app. */
export function defaultMode(type: string): NotificationMode {
  return type.startsWith('reporting.alert') || type.startsWith('commitments.blocker') || FOLLOW_TYPES.includes(type)
    ? 'immediate'
    : 'off';
}
