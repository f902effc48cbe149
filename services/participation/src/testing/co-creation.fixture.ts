import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { createLogger, FixedClock, loadConfig } from '@ogp/runtime';
import { DataSource } from 'typeorm';
import { DemoCycleRepository } from '../demo/demo-cycle.repository';
import { createParticipationApp } from '../participation.app';
import { ParticipationConfig } from '../participation.config';

/** The instant the repository specs run at. */
export const FIXTURE_NOW = new Date('2026-03-01T08:00:00Z');

/**
 * A participation service on a suite's own schema (migrated) with a writer of cycles, themes and
 * ideas for its repository specs: `env` is the suite's `TestIsolation.env('participation')`.
 */
export class CoCreationFixture {
  private constructor(
    readonly app: INestApplication,
    readonly db: DataSource,
    readonly write: DemoCycleRepository,
  ) {}

  static async start(env: Record<string, string>): Promise<CoCreationFixture> {
    const config = loadConfig(ParticipationConfig, env);
    const { app } = await createParticipationApp(
      config,
      createLogger('participation', 'warn'),
      new FixedClock(FIXTURE_NOW),
    );
    const db = app.get(DataSource);
    return new CoCreationFixture(app, db, new DemoCycleRepository(db.manager));
  }

  /** A cycle with numbered themes; returns the cycle's id and its themes' ids. */
  async cycle(code: string, themes = 0): Promise<{ cycleId: string; themeIds: string[] }> {
    const cycleId = randomUUID();
    await this.write.insertCycle(cycleId, randomUUID(), code, { ar: 'دورة' });
    const themeIds: string[] = [];
    for (let n = 1; n <= themes; n++) {
      const id = randomUUID();
      await this.write.insertTheme(id, cycleId, n, { ar: `موضوع ${n}` });
      themeIds.push(id);
    }
    return { cycleId, themeIds };
  }

  /** A cycle with one theme whose ideas phase is open for an hour either side of FIXTURE_NOW. */
  async cycleOpenForIdeas(code: string): Promise<{ cycleId: string; themeId: string }> {
    const { cycleId, themeIds } = await this.cycle(code, 1);
    const hour = 3600_000;
    await this.write.insertPhase(
      cycleId,
      'ideas',
      new Date(FIXTURE_NOW.getTime() - hour).toISOString(),
      new Date(FIXTURE_NOW.getTime() + hour).toISOString(),
    );
    return { cycleId, themeId: themeIds[0] };
  }

  /** A portal idea as received (its text is also its search text). */
  async idea(i: { cycleId: string; themeId: string; title: string; at: string; authorId?: string }): Promise<string> {
    const id = randomUUID();
    await this.write.insertIdea({
      id,
      cycleId: i.cycleId,
      themeId: i.themeId,
      channel: 'portal',
      workshopId: null,
      title: i.title,
      body: i.title,
      authorId: i.authorId ?? randomUUID(),
      searchText: i.title,
      at: i.at,
    });
    return id;
  }

  close(): Promise<void> {
    return this.app.close();
  }
}
