import { Language, NotificationMode } from '@ogp/contracts';
import { OPEN_LINK_LABEL } from '../labels/link-labels.constant';
import { renderTemplate } from './render-template';
import { Template } from './template';
import { QueuedEmailStatus } from '../email/email-queue.repository';

export interface NotificationText {
  title: string;
  /** The in-app text. */
  body: string;
  /** The e-mail's text: the body and, when the item has a page, the link to it. */
  emailBody: string;
  /** The item's line in an e-mail gathering a sweep's alerts. */
  batchLine: string;
}

/** A notification as one reader reads it: the template in their language, with the item's portal link. */
export function notificationText(
  template: Template,
  values: Record<string, string>,
  language: Language,
  link: { portalUrl: string; path: string | null },
): NotificationText {
  const title = renderTemplate(template.title[language], values);
  const body = renderTemplate(template.body[language], values).trim();
  const url = link.path ? `${link.portalUrl}/${language}${link.path}` : null;
  return {
    title,
    body,
    emailBody: url ? `${body}\n\n${OPEN_LINK_LABEL[language]}${url}` : body,
    batchLine: url ? `${body}\n  ${url}` : body,
  };
}

/** Where a notification's e-mail goes: into the day's digest, held for its sweep's gathered e-mail, or out at once. */
export function emailStatus(mode: Exclude<NotificationMode, 'off'>, batched: boolean): QueuedEmailStatus {
  if (mode === 'digest') return 'digest';
  return batched ? 'batched' : 'pending';
}
