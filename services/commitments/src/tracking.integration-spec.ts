import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { Actor } from '@ogp/auth';
import { CommitmentsRpc, CommitmentView, DomainError, TrackingInput } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { createLogger, FixedClock, loadConfig } from '@ogp/runtime';
import { SpawnedService, TEST_DATABASE_URL, TEST_NATS_URL, TestIsolation, waitFor } from '@ogp/testing';
import { weightedActivities } from '@ogp/tracking';
import { randomUUID } from 'node:crypto';
import { connect, NatsConnection } from 'nats';
import { Client } from 'pg';
import { createCommitmentsApp } from './commitments.app';
import { CommitmentsConfig } from './commitments.config';

const coordinator: Actor = { id: randomUUID(), roles: ['coordinator'], scopes: { institutions: [], programmes: [] } };

describe('commitments: progress through tracking strategies (real Postgres and NATS)', () => {
  const iso = new TestIsolation();
  const clock = new FixedClock(new Date('2019-06-01T10:00:00Z'));
  let app: INestApplication;
  let nc: NatsConnection;
  let rpc: NatsRpcClient;
  let pg: Client;
  let programmeId: string;
  let planId: string;
  let areaId: string;
  const institutions: Record<string, string> = {};
  let pmA: Actor;
  let number = 0;

  const as = (actor: Actor) => ({ actor });
  const schema = () => `"${iso.schema('commitments')}"`;

  async function commitment(
    activities: { weight?: number | null }[],
    extra: Record<string, unknown> = {},
    institution = 'A',
  ): Promise<CommitmentView> {
    number += 1;
    return rpc.request(
      CommitmentsRpc.createCommitment,
      {
        planId,
        number,
        areaId,
        title: { ar: `الالتزام ${number}`, en: `Commitment ${number}` },
        startDate: '2018-09-01',
        endDate: '2020-08-31',
        ogpValues: ['access_to_information'],
        leadInstitutionId: institutions[institution],
        activities: activities.map((a, i) => ({
          title: { ar: `نشاط ${i + 1}` },
          startDate: '2018-09-01',
          endDate: '2019-12-31',
          weight: a.weight,
        })),
        ...extra,
      } as never,
      as(coordinator),
    );
  }

  const report = (c: CommitmentView, index: number, progress: number, actor: Actor = pmA) =>
    rpc.request(
      CommitmentsRpc.reportProgress,
      { commitmentId: c.id, activityId: c.activities[index].id, progress, reportedOn: '2019-05-30' },
      as(actor),
    );
  const strategy = (target: 'programme' | 'institution' | 'commitment', id: string, key: string | null) =>
    rpc.request(CommitmentsRpc.setStrategy, { target, id, strategy: key }, as(coordinator));
  const get = (id: string) => rpc.request(CommitmentsRpc.getCommitment, { id });

  beforeAll(async () => {
    const config = loadConfig(
      CommitmentsConfig,
      iso.env('commitments', {
        REMOTE_STRATEGY_TIMEOUT_MS: '400',
        TRACKING_STRATEGY_MODULES: join(__dirname, '..', 'test-fixtures', 'half-strategy.js'),
      }),
    );
    ({ app } = await createCommitmentsApp(config, createLogger('commitments', 'warn'), clock));
    nc = await connect({ servers: TEST_NATS_URL });
    rpc = new NatsRpcClient(() => nc, iso.prefix, 10000);
    pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
    programmeId = (
      await rpc.request(
        CommitmentsRpc.createProgramme,
        { code: 'OGP', kind: 'ogp_national', name: { ar: 'البرنامج' } },
        as(coordinator),
      )
    ).id;
    for (const code of ['A', 'B'])
      institutions[code] = (
        await rpc.request(
          CommitmentsRpc.createInstitution,
          { code, kind: 'ministry', name: { ar: `وزارة ${code}` } },
          as(coordinator),
        )
      ).id;
    planId = (
      await rpc.request(
        CommitmentsRpc.createPlan,
        { programmeId, code: '2018-2020', title: { ar: 'خطة' }, startDate: '2018-09-01', endDate: '2020-08-31' },
        as(coordinator),
      )
    ).id;
    areaId = (
      await rpc.request(
        CommitmentsRpc.createArea,
        { planId, code: 'A1', title: { ar: 'الوصول إلى المعلومات' } },
        as(coordinator),
      )
    ).id;
    pmA = { id: randomUUID(), roles: ['project_manager'], scopes: { institutions: [institutions.A], programmes: [] } };
  });

  afterAll(async () => {
    await app?.close();
    await nc?.close();
    await pg?.end();
    await iso.cleanup();
  });

  describe('weighted activities (the default)', () => {
    it('weights each activity by its share', async () => {
      const c = await commitment([{ weight: 3 }, { weight: 1 }]);
      expect((await report(c, 0, 100)).progress).toBe(75);
      const after = await report(c, 1, 50);
      expect(after.progress).toBe(87.5);
      expect(after.completionLevel).toBe('substantial');
      expect(after.trackingStrategy).toBe('weighted_activities');
      expect(after.strategySource).toBe('default');
    });

    it('a report is two round trips: the lock with the readings, then the prepared writes, the answer card and the COMMIT in one message', async () => {
      const c = await commitment([{ weight: 1 }, { weight: 1 }, { weight: 2 }]);
      const spy = jest.spyOn(Client.prototype, 'query');
      // What the report's transaction sent on its connection, up to its COMMIT (the outbox relay, woken by the
      // commit, may use the same connection next).
      const texts = () => {
        const calls = spy.mock.calls.map(([q], i) => ({
          client: spy.mock.contexts[i],
          text: typeof q === 'string' ? q : (q as { text: string }).text,
        }));
        const start = calls.findIndex((call) => /^START TRANSACTION; SELECT c\.\*/.test(call.text));
        const own = calls.slice(start).filter((call) => call.client === calls[start].client);
        return own.slice(0, own.findIndex((call) => /\bCOMMIT$/.test(call.text)) + 1).map((call) => call.text);
      };
      try {
        // The statements go with the COMMIT as EXECUTE once the connection has prepared them (their first
        // run there, at once), so within a few reports on a pool of connections.
        let sent: string[] = [];
        let answer: CommitmentView | undefined;
        const closing =
          /^EXECUTE "progress_record_report"\(.*\);\nEXECUTE "rollup_apply"\(.*\);\nEXECUTE "commitment_cards_1"\('[^']+', '[0-9a-f-]{36}'\);\nCOMMIT$/s;
        for (let i = 1; i <= 19 && !sent.some((t) => closing.test(t)); i++) {
          spy.mockClear();
          answer = await report(c, 2, 5 * i);
          sent = texts();
        }
        expect(sent).toEqual([
          expect.stringMatching(
            /^START TRANSACTION; SELECT c\.\*.*FOR UPDATE OF c;\nSELECT a\.id, a\.title.*r\.activities/s,
          ),
          expect.stringMatching(closing),
        ]);
        // The answer is the card as stored.
        expect(answer).toEqual(await get(c.id));
        expect(answer!.activities[2].progress).toBe(Number(answer!.activities[2].progress));
        expect(answer!.progress).toBe((answer!.activities[2].progress * 2) / 4);
      } finally {
        spy.mockRestore();
      }
    });

    it('missing weights count as 1; zero weights leave an activity out; all zero counts equally', async () => {
      const c = await commitment([{ weight: null }, { weight: null }]);
      expect((await report(c, 0, 100)).progress).toBe(50);
      const zeroOne = await rpc.request(
        CommitmentsRpc.setWeights,
        {
          commitmentId: c.id,
          weights: [
            { activityId: c.activities[0].id, weight: 0 },
            { activityId: c.activities[1].id, weight: 2 },
          ],
        },
        as(pmA),
      );
      expect(zeroOne.progress).toBe(0);
      const allZero = await rpc.request(
        CommitmentsRpc.setWeights,
        { commitmentId: c.id, weights: [{ activityId: c.activities[1].id, weight: 0 }] },
        as(pmA),
      );
      expect(allZero.progress).toBe(50);
      expect(allZero.progressExplanation).toMatch(/equally/);
    });

    it('an activity added after progress was reported, then removed, moves progress and the plan roll-up', async () => {
      const c = await commitment([{ weight: 1 }]);
      expect((await report(c, 0, 100)).progress).toBe(100);
      const added = await rpc.request(
        CommitmentsRpc.addActivity,
        { commitmentId: c.id, title: { ar: 'نشاط جديد' }, startDate: '2019-01-01', endDate: '2019-12-31', weight: 1 },
        as(pmA),
      );
      expect(added.progress).toBe(50);
      const removed = await rpc.request(
        CommitmentsRpc.removeActivity,
        { commitmentId: c.id, activityId: added.activities[1].id },
        as(pmA),
      );
      expect(removed.progress).toBe(100);
      expect(removed.activities).toHaveLength(1);
      // The plan's progress equals the mean of its commitments, kept by deltas.
      const { rows } = await pg.query(
        `SELECT avg(progress)::float8 AS mean FROM ${schema()}.commitments WHERE plan_id = $1`,
        [planId],
      );
      const plan = await rpc.request(CommitmentsRpc.getPlan, { id: planId });
      expect(plan.progress).toBeCloseTo(rows[0].mean, 2);
    });
  });

  describe('the other built-in strategies', () => {
    it('equal milestones count completed milestones only', async () => {
      const c = await commitment([{ weight: 10 }, { weight: 1 }, { weight: 1 }]);
      await report(c, 0, 100);
      await report(c, 1, 90);
      await strategy('commitment', c.id, 'equal_milestones');
      const view = await get(c.id);
      expect(view.progress).toBe(33.33);
      expect(view.strategySource).toBe('commitment');
    });

    it('indicators against targets', async () => {
      const c = await commitment([], {
        indicators: [
          { title: { ar: 'عدد الطلبات' }, baseline: 0, target: 200 },
          { title: { ar: 'نسبة الرد' }, baseline: 40, target: 80, current: 60 },
        ],
      });
      await strategy('commitment', c.id, 'indicators');
      expect((await get(c.id)).progress).toBe(25);
      const measured = await rpc.request(
        CommitmentsRpc.setIndicator,
        { commitmentId: c.id, indicatorId: c.indicators[0].id, current: 150 },
        as(pmA),
      );
      expect(measured.progress).toBe(62.5);
      // The baseline and target can be corrected too; left out, they stay.
      const retargeted = await rpc.request(
        CommitmentsRpc.setIndicator,
        { commitmentId: c.id, indicatorId: c.indicators[0].id, current: 150, target: 300 },
        as(pmA),
      );
      expect(retargeted.progress).toBe(50);
      expect(retargeted.indicators.find((i) => i.id === c.indicators[0].id)).toMatchObject({
        baseline: 0,
        target: 300,
        current: 150,
      });
    });

    it('the OGP completion level set by hand', async () => {
      const c = await commitment([{ weight: 1 }]);
      await strategy('commitment', c.id, 'manual_level');
      const set = await rpc.request(
        CommitmentsRpc.setManualLevel,
        { commitmentId: c.id, level: 'substantial' },
        as(pmA),
      );
      expect(set).toMatchObject({ progress: 75, completionLevel: 'substantial' });
    });

    it('a strategy from a code module named in configuration', async () => {
      const c = await commitment([{ weight: 1 }]);
      await strategy('commitment', c.id, 'always_half');
      expect((await get(c.id)).progress).toBe(50);
    });

    it('an unknown strategy key is refused', async () => {
      const c = await commitment([{ weight: 1 }]);
      await expect(strategy('commitment', c.id, 'no_such_strategy')).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    });
  });

  it('precedence: commitment over institution over programme', async () => {
    const c = await commitment([{ weight: 3 }, { weight: 1 }], {}, 'B');
    const coordinatorB = coordinator;
    await rpc.request(
      CommitmentsRpc.reportProgress,
      { commitmentId: c.id, activityId: c.activities[0].id, progress: 100, reportedOn: '2019-05-30' },
      as(coordinatorB),
    );
    await strategy('programme', programmeId, 'manual_level');
    expect(await get(c.id)).toMatchObject({
      trackingStrategy: 'manual_level',
      strategySource: 'programme',
      progress: 0,
    });
    await strategy('institution', institutions.B, 'equal_milestones');
    expect(await get(c.id)).toMatchObject({
      trackingStrategy: 'equal_milestones',
      strategySource: 'institution',
      progress: 50,
    });
    await strategy('commitment', c.id, 'weighted_activities');
    expect(await get(c.id)).toMatchObject({
      trackingStrategy: 'weighted_activities',
      strategySource: 'commitment',
      progress: 75,
    });
    await strategy('commitment', c.id, null);
    expect((await get(c.id)).strategySource).toBe('institution');
    await strategy('institution', institutions.B, null);
    await strategy('programme', programmeId, null);
    expect(await get(c.id)).toMatchObject({ strategySource: 'default', progress: 75 });
  });

  describe('remote strategies over NATS', () => {
    let example: SpawnedService;

    beforeAll(async () => {
      example = new SpawnedService('commitments', { NATS_URL: TEST_NATS_URL, NATS_PREFIX: iso.prefix }, [
        process.execPath,
        join(__dirname, '..', 'dist', 'tracking', 'remote-strategy-example.js'),
      ]).start();
      await waitFor(() => example.output.includes('READY'), { what: 'the example remote strategy' });
    });
    afterAll(() => example?.stop());

    it('the example process computes progress for commitments that name it', async () => {
      const c = await commitment([{ weight: 1 }, { weight: 1 }], {
        indicators: [{ title: { ar: 'مؤشر' }, baseline: 0, target: 10, current: 5 }],
      });
      await report(c, 0, 100);
      await strategy('commitment', c.id, 'remote:blended');
      const view = await get(c.id);
      expect(view.progress).toBe(50); // 0.7 × 50 + 0.3 × 50
      expect(view.progressExplanation).toMatch(/blended/);
      const after = await report(c, 1, 100);
      expect(after.progress).toBe(85); // 0.7 × 100 + 0.3 × 50
      expect(after.progressStale).toBe(false);
    });

    it('a strategy that does not answer in time leaves the last progress, marked stale with the reason', async () => {
      const silent = nc.subscribe(`${iso.prefix}.tracking.strategies.silent.compute`, { callback: () => undefined });
      try {
        const c = await commitment([{ weight: 1 }, { weight: 1 }]);
        await report(c, 0, 100);
        await strategy('commitment', c.id, 'remote:silent');
        const view = await get(c.id);
        expect(view.progress).toBe(50);
        expect(view.progressStale).toBe(true);
        expect(view.staleReason).toMatch(/did not answer in 400 ms/);
      } finally {
        silent.unsubscribe();
      }
    });

    it('a malformed answer leaves the last progress, marked stale with the reason', async () => {
      const broken = nc.subscribe(`${iso.prefix}.tracking.strategies.broken.compute`, {
        callback: (_e, msg) => {
          const { id } = JSON.parse(new TextDecoder().decode(msg.data)) as { id: string; data: TrackingInput };
          msg.respond(
            new TextEncoder().encode(JSON.stringify({ id, response: { progress: 'a lot' }, isDisposed: true })),
          );
        },
      });
      try {
        const c = await commitment([{ weight: 1 }, { weight: 3 }]);
        await report(c, 1, 100);
        await strategy('commitment', c.id, 'remote:broken');
        const view = await get(c.id);
        expect(view.progress).toBe(75);
        expect(view.progressStale).toBe(true);
        expect(view.staleReason).toMatch(/malformed answer/);
      } finally {
        broken.unsubscribe();
      }
    });
  });

  it('fifty concurrent progress reports on one commitment: no lost update', async () => {
    const c = await commitment(Array.from({ length: 10 }, (_, i) => ({ weight: i + 1 })));
    const reports = Array.from({ length: 50 }, (_, i) => ({ index: i % 10, progress: (i * 37) % 101 }));
    await Promise.all(reports.map((r) => report(c, r.index, r.progress)));
    // Recompute from what is stored: each activity's latest report, through the strategy.
    const { rows } = await pg.query(
      `SELECT DISTINCT ON (activity_id) activity_id, progress::float8 AS progress FROM ${schema()}.progress_reports WHERE commitment_id = $1 ORDER BY activity_id, seq DESC`,
      [c.id],
    );
    expect(rows).toHaveLength(10);
    const latest = new Map(rows.map((r) => [r.activity_id, r.progress]));
    const expected = weightedActivities.compute({
      commitmentId: c.id,
      activities: c.activities.map((a) => ({
        id: a.id,
        weight: a.weight,
        progress: latest.get(a.id) ?? 0,
        status: 'in_progress',
        endDate: a.endDate,
      })),
      indicators: [],
      manualLevel: null,
      today: '2019-06-01',
    }).progress;
    const view = await get(c.id);
    expect(view.progress).toBe(expected);
    const [{ count }] = (
      await pg.query(`SELECT count(*)::int AS count FROM ${schema()}.progress_reports WHERE commitment_id = $1`, [c.id])
    ).rows;
    expect(count).toBe(50);
  });

  describe('scope, overrides, blockers, history and events', () => {
    it('a project manager of institution A cannot touch institution B’s commitment, and nothing changes', async () => {
      const c = await commitment([{ weight: 1 }], {}, 'B');
      await expect(report(c, 0, 100, pmA)).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
      const view = await get(c.id);
      expect(view.progress).toBe(0);
      const { rows } = await pg.query(
        `SELECT count(*)::int AS n FROM ${schema()}.progress_reports WHERE commitment_id = $1`,
        [c.id],
      );
      expect(rows[0].n).toBe(0);
    });

    it('a coordinator overrides the completion level with a reason; a project manager may not', async () => {
      const c = await commitment([{ weight: 1 }]);
      await expect(
        rpc.request(
          CommitmentsRpc.overrideLevel,
          { commitmentId: c.id, level: 'complete', reason: 'verified on site' },
          as(pmA),
        ),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const over = await rpc.request(
        CommitmentsRpc.overrideLevel,
        { commitmentId: c.id, level: 'limited', reason: 'work started, not yet reported' },
        as(coordinator),
      );
      expect(over.completionLevel).toBe('limited');
      expect(over.levelOverride).toMatchObject({
        level: 'limited',
        reason: 'work started, not yet reported',
        by: coordinator.id,
      });
      expect((await report(c, 0, 100)).completionLevel).toBe('limited');
      await expect(
        rpc.request(CommitmentsRpc.overrideLevel, { commitmentId: c.id, level: 'complete' } as never, as(coordinator)),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      const cleared = await rpc.request(
        CommitmentsRpc.overrideLevel,
        { commitmentId: c.id, level: null, reason: 'override no longer needed' },
        as(coordinator),
      );
      expect(cleared.completionLevel).toBe('complete');
    });

    it('a blocker becomes an intervention request the programme’s committee answers', async () => {
      const c = await commitment([{ weight: 1 }]);
      const blocker = await rpc.request(
        CommitmentsRpc.raiseBlocker,
        { commitmentId: c.id, title: 'Budget not released', description: 'The funds for phase 2 are blocked.' },
        as(pmA),
      );
      expect(blocker.status).toBe('open');
      const outsider: Actor = {
        id: randomUUID(),
        roles: ['committee_member'],
        scopes: { institutions: [], programmes: [randomUUID()] },
      };
      await expect(
        rpc.request(CommitmentsRpc.answerBlocker, { blockerId: blocker.id, answer: 'We will look.' }, as(outsider)),
      ).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
      const member: Actor = {
        id: randomUUID(),
        roles: ['committee_member'],
        scopes: { institutions: [], programmes: [programmeId] },
      };
      const answered = await rpc.request(
        CommitmentsRpc.answerBlocker,
        { blockerId: blocker.id, answer: 'The committee asked the ministry of finance to release the funds.' },
        as(member),
      );
      expect(answered).toMatchObject({
        status: 'answered',
        answer: 'The committee asked the ministry of finance to release the funds.',
      });
      const listed = await rpc.request(CommitmentsRpc.listBlockers, { status: 'answered' }, as(member));
      expect(listed.items.map((b) => b.id)).toContain(blocker.id);
      const closed = await rpc.request(CommitmentsRpc.closeBlocker, { blockerId: blocker.id }, as(pmA));
      expect(closed.status).toBe('closed');
    });

    it('every change is in the public history, and each is announced through the outbox', async () => {
      const c = await commitment([{ weight: 1 }, { weight: 1 }]);
      await rpc.request(
        CommitmentsRpc.setWeights,
        { commitmentId: c.id, weights: [{ activityId: c.activities[0].id, weight: 3 }] },
        as(pmA),
      );
      await report(c, 0, 100);
      const history = await rpc.request(CommitmentsRpc.history, { id: c.id });
      const actions = history.items.map((h) => h.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'created',
          'weights_changed',
          'progress_reported',
          'progress_changed',
          'completion_level_changed',
        ]),
      );
      const renamed = await rpc.request(
        CommitmentsRpc.updateCommitment,
        { id: c.id, title: { ar: 'عنوان جديد' }, endDate: '2020-12-31' },
        as(pmA),
      );
      expect(renamed.title.ar).toBe('عنوان جديد');
      const edit = (await rpc.request(CommitmentsRpc.history, { id: c.id })).items.find(
        (h) => h.action === 'card_updated',
      )!;
      expect(edit).toMatchObject({
        actorId: pmA.id,
        before: { title: c.title, endDate: '2020-08-31' },
        after: { title: { ar: 'عنوان جديد' }, endDate: '2020-12-31' },
      });
      const change = history.items.find((h) => h.action === 'progress_changed')!;
      expect(change).toMatchObject({ actorId: pmA.id, before: { progress: 0 }, after: { progress: 75 } });
      const { rows } = await pg.query(
        `SELECT type FROM ${schema()}.outbox WHERE envelope->'aggregate'->>'id' = $1 ORDER BY seq`,
        [c.id],
      );
      expect(rows.map((r) => r.type)).toEqual([
        'commitments.commitment.created',
        'commitments.weights.changed',
        'commitments.progress.reported',
        'commitments.progress.changed',
        'commitments.completion-level.changed',
        'commitments.commitment.updated',
      ]);
    });

    it('a report dated in the future is refused', async () => {
      const c = await commitment([{ weight: 1 }]);
      await expect(
        rpc.request(
          CommitmentsRpc.reportProgress,
          { commitmentId: c.id, activityId: c.activities[0].id, progress: 10, reportedOn: '2019-06-02' },
          as(pmA),
        ),
      ).rejects.toBeInstanceOf(DomainError);
    });
  });
});
