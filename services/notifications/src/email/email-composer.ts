import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { Language, LANGUAGES } from '@ogp/contracts';
import { SERVICE_CONFIG } from '@ogp/runtime';
import Mustache from 'mustache';
import { PortalPaths } from '../dispatch/portal-paths.constant';
import { EMAIL_FRAME_LABELS } from '../labels/email-frame-labels.constant';
import { OPEN_LINK_LABEL } from '../labels/link-labels.constant';
import { NotificationsConfig } from '../notifications.config';

/** One queued e-mail as it waits in email_queue. */
export interface QueuedEmail {
  subject: string;
  /** The plain-text body, as the text alternative goes out. */
  body: string;
  language: string | null;
  /** Account e-mails: always sent, so no unsubscribe. */
  transactional: boolean;
}

export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
  language: Language;
  /** The preferences page, where people unsubscribe; null for account e-mails. */
  unsubscribeUrl: string | null;
}

// The template files sit beside src/ and dist/, so the same path serves tests and the built service.
const TEMPLATE_DIR = join(__dirname, '..', '..', 'templates');
const TEMPLATE_NAMES = ['layout', 'paragraphs', 'notification', 'account'] as const;
type TemplateName = (typeof TEMPLATE_NAMES)[number];

interface Segment {
  text?: string;
  url?: string;
}

/**
 * The HTML form of an e-mail, from the template files (a layout and one content file per kind),
 * around the same words as its plain-text form. Every value goes through Mustache's HTML escaping;
 * only links to the portal become anchors.
 */
@Injectable()
export class EmailComposer {
  private readonly templates: Record<TemplateName, string>;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: NotificationsConfig) {
    this.templates = Object.fromEntries(
      TEMPLATE_NAMES.map((name) => [name, readFileSync(join(TEMPLATE_DIR, `${name}.mustache`), 'utf8')]),
    ) as Record<TemplateName, string>;
    for (const name of TEMPLATE_NAMES) Mustache.parse(this.templates[name]);
  }

  compose(mail: QueuedEmail): ComposedEmail {
    const language: Language = (LANGUAGES as readonly string[]).includes(mail.language ?? '')
      ? (mail.language as Language)
      : 'ar';
    const frame = EMAIL_FRAME_LABELS[language];
    const unsubscribeUrl = mail.transactional
      ? null
      : `${this.config.PORTAL_URL}/${language}${PortalPaths.preferences()}`;
    const paragraphs = mail.body.split(/\n{2,}/).filter((p) => p.trim() !== '');
    // The closing "View: <link>" paragraph of a notification becomes a button.
    let link: string | null = null;
    const last = paragraphs[paragraphs.length - 1] ?? '';
    if (
      !mail.transactional &&
      last.startsWith(OPEN_LINK_LABEL[language]) &&
      this.isPortalUrl(last.slice(OPEN_LINK_LABEL[language].length))
    ) {
      link = last.slice(OPEN_LINK_LABEL[language].length);
      paragraphs.pop();
    }
    const content = Mustache.render(
      this.templates[mail.transactional ? 'account' : 'notification'],
      {
        paragraphs: paragraphs.map((p) => ({
          lines: p.split('\n').map((line, i) => ({ first: i === 0, segments: this.segments(line) })),
        })),
        link,
        linkLabel: OPEN_LINK_LABEL[language].replace(/\s*:\s*$/, ''),
      },
      { paragraphs: this.templates.paragraphs },
    );
    const html = Mustache.render(this.templates.layout, {
      language,
      dir: language === 'ar' ? 'rtl' : 'ltr',
      align: language === 'ar' ? 'right' : 'left',
      subject: mail.subject,
      platform: frame.platform,
      content,
      unsubscribeUrl,
      footer: frame.footer,
      manage: frame.manage,
    });
    return { subject: mail.subject, text: mail.body, html, language, unsubscribeUrl };
  }

  private isPortalUrl(text: string): boolean {
    return text.startsWith(`${this.config.PORTAL_URL}/`) && !/\s/.test(text);
  }

  /** A line cut into text and portal links (other URLs stay text: people's words link nowhere). */
  private segments(line: string): Segment[] {
    const out: Segment[] = [];
    let rest = line;
    for (
      let at = rest.indexOf(`${this.config.PORTAL_URL}/`);
      at >= 0;
      at = rest.indexOf(`${this.config.PORTAL_URL}/`)
    ) {
      const end = rest.slice(at).search(/\s|$/);
      if (at > 0) out.push({ text: rest.slice(0, at) });
      out.push({ url: rest.slice(at, at + end) });
      rest = rest.slice(at + end);
    }
    if (rest) out.push({ text: rest });
    return out;
  }
}
