import { MessagingTables1732100000000 } from '@ogp/messaging';
import { EmailClaim1764900000000 } from './email/email-claim.migration';
import { EmailHtml1764600000000 } from './email/email-html.migration';
import { Email1732100000700 } from './email/email.migration';
import { NotificationsFollows1764580000100 } from './follows/follows.migration';
import { NotificationsLinks1764580000000 } from './notifications-links.migration';
import { Notifications1732100000300 } from './notifications.migration';

/** The service's schema, in order: the app runs them at boot, the repository specs on their own schema. */
export const NOTIFICATIONS_MIGRATIONS = [
  MessagingTables1732100000000,
  Notifications1732100000300,
  Email1732100000700,
  NotificationsLinks1764580000000,
  NotificationsFollows1764580000100,
  EmailHtml1764600000000,
  EmailClaim1764900000000,
];
