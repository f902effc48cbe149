import { freePort, Mailbox } from '@ogp/testing';
import { launchChromium } from './browser';
import { adminSuite } from './admin.suite';
import { citizenSuite } from './citizen.suite';
import { committeeSuite } from './committee.suite';
import { feedsSuite } from './feeds.suite';
import { coordinationSuite } from './coordination.suite';
import { foundationSuite } from './foundation.suite';
import { liveSuite } from './live.suite';
import { PortalContext } from './portal-context';
import { pmSuite } from './pm.suite';
import { PortalPlatform } from './portal-platform';
import { publicSpaceSuite } from './public-space.suite';

/**
 * The portal in a real browser: one platform (gateway, four services, demo data, production build of
 * the portal) and one Chromium for every suite, started once, because a second copy running in
 * parallel on a two-core machine only makes both slow.
 */
const ctx = { platform: new PortalPlatform() } as PortalContext;

beforeAll(async () => {
  ctx.mailbox = new Mailbox(await freePort());
  await ctx.mailbox.start();
  await ctx.platform.start({ smtpUrl: `smtp://127.0.0.1:${ctx.mailbox.port}` });
  ctx.browser = await launchChromium();
}, 900000);

afterAll(async () => {
  await ctx.browser?.close();
  await ctx.platform.stop();
  await ctx.mailbox?.stop();
});

foundationSuite(ctx);
publicSpaceSuite(ctx);
citizenSuite(ctx);
feedsSuite(ctx);
coordinationSuite(ctx);
adminSuite(ctx);
liveSuite(ctx);
pmSuite(ctx);
committeeSuite(ctx);
