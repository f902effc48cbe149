import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { createLogger, loadConfig, normalizeForSearch, runMain } from '@ogp/runtime';
import { DataSource, EntityManager } from 'typeorm';
import { ParticipationConfig } from '../participation.config';
import { ParticipationModule } from '../participation.module';
import { DemoCycleRepository } from './demo-cycle.repository';
import {
  CONSULTATION,
  PORTAL_IDEAS_BY_THEME,
  PORTAL_INTERACTING,
  PROPOSED_COMMITMENTS,
  PROPOSING_INSTITUTIONS,
  STANDARD_AGENDA,
  THEMES_2021,
  WORKSHOP_IDEAS_BY_THEME,
  WORKSHOPS_2021,
} from './cycle-2021-2023.constant';

/** Stable ids for the demo's anonymous historical participants (no personal data). */
function demoId(...parts: (string | number)[]): string {
  const h = createHash('sha256').update(parts.join(':')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Loads the 2021-2023 cycle as history (its windows closed in 2021, so its records are written
 * directly, in one transaction, by the service that owns them). Runs once: an existing cycle is left alone.
 */
export async function seedCycle2021(m: EntityManager, programmeId: string): Promise<string | null> {
  const db = new DemoCycleRepository(m);
  const cycleId = demoId('cycle', '2021-2023');
  if (await db.cycleExists('2021-2023')) return null;
  await db.insertCycle(cycleId, programmeId, '2021-2023', {
    ar: 'الإعداد المشترك لخطة العمل الوطنية 2021-2023',
    fr: "Co-création du plan d'action national 2021-2023",
    en: 'Co-creation of the 2021-2023 national action plan',
  });
  const phases: [string, string, string][] = [
    ['themes', '2020-07-15T00:00:00Z', '2020-10-01T00:00:00Z'],
    ['ideas', '2020-10-01T00:00:00Z', '2020-11-05T00:00:00Z'],
    ['analysis', '2020-11-05T00:00:00Z', '2021-03-01T00:00:00Z'],
    ['drafting', '2021-03-01T00:00:00Z', '2021-05-03T00:00:00Z'],
    ['consultation', CONSULTATION.opensAt, CONSULTATION.closesAt],
    ['validation', '2021-05-31T00:00:00Z', '2021-07-31T00:00:00Z'],
  ];
  for (const [kind, opens, closes] of phases) await db.insertPhase(cycleId, kind, opens, closes);
  const themeIds: string[] = [];
  for (const [i, title] of THEMES_2021.entries()) {
    const id = demoId('theme', i + 1);
    themeIds.push(id);
    await db.insertTheme(id, cycleId, i + 1, title);
  }
  for (const [i, w] of WORKSHOPS_2021.entries()) {
    const workshopId = demoId('workshop', i + 1);
    const starts = `${w.date}T15:00:00Z`;
    await db.insertWorkshop({
      id: workshopId,
      cycleId,
      themeId: themeIds[i],
      number: i + 1,
      title: {
        ar: `اللقاء التشاوري ${i + 1}: ${THEMES_2021[i].ar}`,
        fr: `Rencontre ${i + 1} : ${THEMES_2021[i].fr}`,
        en: `Workshop ${i + 1}: ${THEMES_2021[i].en}`,
      },
      organiser: w.organiser,
      institutions: w.institutions,
      startsAt: starts,
      confirmed: w.registered,
      agenda: STANDARD_AGENDA,
    });
    await db.insertRegistrations(
      workshopId,
      { registration: `reg-${i + 1}-`, participant: `participant-w${i + 1}-` },
      w.registered,
      w.present,
    );
    for (let k = 0; k < WORKSHOP_IDEAS_BY_THEME[i]; k++) {
      const title = `مقترح من اللقاء التشاوري ${i + 1} (${k + 1})`;
      await idea(db, demoId('widea', i, k), cycleId, themeIds[i], 'workshop', workshopId, title, null, starts);
    }
  }
  let author = 0;
  for (const [i, count] of PORTAL_IDEAS_BY_THEME.entries()) {
    for (let k = 0; k < count; k++) {
      author += 1;
      await idea(
        db,
        demoId('pidea', i, k),
        cycleId,
        themeIds[i],
        'portal',
        null,
        `مقترح عبر البوابة حول ${THEMES_2021[i].ar} (${k + 1})`,
        demoId('author', author),
        '2020-10-20T10:00:00Z',
      );
    }
  }
  const firstIdea = demoId('pidea', 0, 0);
  for (let s = 1; s <= PORTAL_INTERACTING; s++)
    await db.insertSupport(firstIdea, demoId('supporter', s), '2020-10-25T10:00:00Z');
  const draftIds: string[] = [];
  for (let d = 1; d <= PROPOSED_COMMITMENTS; d++) {
    const id = demoId('draft', d);
    draftIds.push(id);
    await db.insertDraft(
      id,
      cycleId,
      d,
      { ar: `الالتزام المقترح ${d}`, fr: `Engagement proposé ${d}`, en: `Proposed commitment ${d}` },
      `المؤسسة ${((d - 1) % PROPOSING_INSTITUTIONS) + 1}`,
    );
  }
  for (let c = 0; c < CONSULTATION.comments; c++)
    await db.insertComment(
      demoId('comment', c),
      draftIds[c % draftIds.length],
      demoId('commenter', (c % CONSULTATION.participants) + 1),
      'تعليق في إطار التشاور العمومي حول مسودة خطة العمل',
      '2021-05-10T10:00:00Z',
    );
  return cycleId;
}

async function idea(
  db: DemoCycleRepository,
  id: string,
  cycleId: string,
  themeId: string,
  channel: string,
  workshopId: string | null,
  title: string,
  authorId: string | null,
  at: string,
): Promise<void> {
  const body = 'تم تجميع هذا المقترح خلال مرحلة تجميع الأفكار والمقترحات للإعداد المشترك لخطة العمل الوطنية الثانية.';
  const searchText = normalizeForSearch(`${title} ${body}`);
  await db.insertIdea({ id, cycleId, themeId, channel, workshopId, title, body, authorId, searchText, at });
}

if (require.main === module) {
  runMain('seed-cycle', async () => {
    const programmeId = process.env.PROGRAMME_ID;
    if (!programmeId || !/^[0-9a-f-]{36}$/.test(programmeId))
      throw new Error('set PROGRAMME_ID to the id of the OGP programme');
    const config = loadConfig(ParticipationConfig);
    const context = await NestFactory.createApplicationContext(
      ParticipationModule.register(config, createLogger('seed-cycle', 'warn')),
      { logger: false },
    );
    try {
      const cycleId = await context.get(DataSource).transaction((m) => seedCycle2021(m, programmeId));
      process.stdout.write(
        cycleId ? `  co-creation cycle 2021-2023 loaded (${cycleId})\n` : '  co-creation cycle 2021-2023 exists\n',
      );
    } finally {
      await context.close();
    }
  });
}
