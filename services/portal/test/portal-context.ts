import type { Mailbox } from '@ogp/testing';
import type { Browser } from 'playwright-core';
import type { PortalPlatform } from './portal-platform';

/** What the browser suites share: one platform and one Chromium for the whole run (they are costly to start). */
export interface PortalContext {
  platform: PortalPlatform;
  browser: Browser;
  /** The SMTP server the platform sends its e-mails to (password reset, workshop confirmation). */
  mailbox: Mailbox;
}
