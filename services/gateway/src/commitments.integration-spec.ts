import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '@ogp/auth';
import { createLogger, loadConfig } from '@ogp/runtime';
import { freePort, SpawnedService, TEST_DATABASE_URL, TestIsolation, expectToMatchContract } from '@ogp/testing';
import { Client } from 'pg';
import { createGatewayApp } from './gateway.app';
import { GatewayConfig } from './gateway.config';
import plan2018 from './demo/ogp-morocco-2018-2020.plan.json';
import { injectRequest, staffToken } from './testing/gateway-client.fixture';

const PASSWORD = 'correct horse battery';

describe('commitments through the gateway: import, public reads, scope and bad input (real servers)', () => {
  const iso = new TestIsolation();
  let app: NestFastifyApplication;
  let commitments: SpawnedService;
  let pg: Client;
  let coordinator: string;
  let pmA: string;
  let planId: string;
  const inst: Record<string, string> = {};

  async function call(
    method: string,
    url: string,
    options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ) {
    const res = await injectRequest(app, method, url, options);
    const answer = { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
    // Every answer the suite receives must match the OpenAPI document.
    expectToMatchContract(method, url, answer.status, answer.body);
    return answer;
  }

  const login = (email: string, role: Role, scopes?: { institutions: string[]; programmes: string[] }) =>
    staffToken(app, call, PASSWORD, email, role, scopes);

  const counts = async () => {
    const s = `"${iso.schema('commitments')}"`;
    const out: Record<string, number> = {};
    for (const t of [
      'plans',
      'commitments',
      'activities',
      'progress_reports',
      'change_history',
      'outbox',
      'institutions',
    ]) {
      out[t] = (await pg.query(`SELECT count(*)::int AS n FROM ${s}.${t}`)).rows[0].n;
    }
    return out;
  };

  beforeAll(async () => {
    commitments = new SpawnedService(
      'commitments',
      iso.env('commitments', { HTTP_PORT: String(await freePort()) }),
    ).start();
    const config = loadConfig(GatewayConfig, iso.env('gateway', { AUTH_RATE_LIMIT_PER_MINUTE: '10000' }));
    ({ app } = (await createGatewayApp(config, createLogger('gateway', 'warn'))) as { app: NestFastifyApplication });
    await app.getHttpAdapter().getInstance().ready();
    await commitments.ready();
    pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
    coordinator = await login('coord@test.ma', 'coordinator');
    const programme = await call('POST', '/programmes', {
      token: coordinator,
      body: { code: 'OGP-MA', kind: 'ogp_national', name: { ar: 'برنامج الحكومة المنفتحة' } },
    });
    expect(programme.status).toBe(201);
  });

  afterAll(async () => {
    await app?.close();
    await commitments?.stop();
    await pg?.end();
    await iso.cleanup();
  });

  describe('import', () => {
    it('Morocco’s 2018-2020 plan imports: 18 commitments in five areas', async () => {
      const res = await call('POST', '/plans/import', { token: coordinator, body: plan2018 });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ commitments: 18, activities: 54, institutionsCreated: 8 });
      planId = res.body.planId;
      const plan = await call('GET', `/plans/${planId}`);
      expect(plan.body.areas.map((a: { commitments: number }) => a.commitments)).toEqual([6, 4, 3, 4, 1]);
      const titles = (await call('GET', `/commitments?planId=${planId}&limit=100`)).body.items.map(
        (c: { title: { ar: string } }) => c.title.ar,
      );
      expect(titles).toContain('إنشاء بوابة الشفافية');
      expect(titles).toContain('دعم نشر وإعادة استخدام البيانات المفتوحة');
      for (const i of (await call('GET', '/institutions?limit=100')).body.items) inst[i.code] = i.id;
    });

    it('a file with bad rows is refused whole, each error with its row, and nothing is written', async () => {
      const before = await counts();
      const bad = JSON.parse(JSON.stringify(plan2018));
      bad.plan.code = '2021-2023';
      bad.commitments[2].areaCode = 'NOPE';
      bad.commitments[5].endDate = '2017-01-01';
      bad.commitments[7].activities[1].endDate = '2010-01-01';
      const res = await call('POST', '/plans/import', { token: coordinator, body: bad });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      const rows = res.body.error.details.errors.map((e: { row: string; field: string }) => `${e.row} ${e.field}`);
      expect(rows).toEqual(
        expect.arrayContaining([
          'commitments[2] areaCode',
          'commitments[5] endDate',
          'commitments[7].activities[1] activities.endDate',
        ]),
      );
      expect(await counts()).toEqual(before);
    });

    it('a JSON file failing validation reports the path of each bad field', async () => {
      const bad = JSON.parse(JSON.stringify(plan2018));
      delete bad.commitments[3].title.ar;
      const res = await call('POST', '/plans/import', { token: coordinator, body: bad });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.error.details.fields)).toContain('commitments.3.title.ar');
    });

    it('imports the documented CSV layout, and reports CSV errors by line', async () => {
      const header =
        'area_code,area_title_ar,area_title_fr,area_title_en,commitment_number,commitment_title_ar,commitment_title_fr,commitment_title_en,commitment_start,commitment_end,lead_institution_code,ogp_values,activity_title_ar,activity_title_fr,activity_title_en,activity_start,activity_end,activity_weight,activity_responsible';
      const good = [
        header,
        'R1,الشفافية,Transparence,Transparency,1,"نشر الميزانية الجهوية، بشكل مفتوح",,Open regional budget,2021-01-01,2022-12-31,MEF,access_to_information;public_accountability,إعداد,,,2021-01-01,2021-06-30,40,',
        'R1,الشفافية,Transparence,Transparency,1,"نشر الميزانية الجهوية، بشكل مفتوح",,Open regional budget,2021-01-01,2022-12-31,MEF,access_to_information;public_accountability,النشر,,,2021-07-01,2022-12-31,60,"Direction du budget"',
      ].join('\n');
      const header2 = {
        programmeCode: 'OGP-MA',
        plan: { code: 'CSV-1', title: { ar: 'خطة تجريبية' }, startDate: '2021-01-01', endDate: '2022-12-31' },
      };
      const ok = await call('POST', '/plans/import', { token: coordinator, body: { ...header2, csv: good } });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ commitments: 1, activities: 2 });
      const card = (await call('GET', `/commitments?planId=${ok.body.planId}`)).body.items[0];
      expect(card.title.ar).toBe('نشر الميزانية الجهوية، بشكل مفتوح');

      const before = await counts();
      const badCsv = [
        header,
        good.split('\n')[1].replace('2021-06-30', '2020-06-30'),
        good.split('\n')[2].replace(',MEF,', ',NOBODY,'),
        'R1,x,,,abc,,,,,,,,,,,,,,',
      ].join('\n');
      const bad = await call('POST', '/plans/import', {
        token: coordinator,
        body: { ...header2, plan: { ...header2.plan, code: 'CSV-2' }, csv: badCsv },
      });
      expect(bad.status).toBe(400);
      const errors = bad.body.error.details.errors as { row: string; field: string }[];
      expect(errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ row: 'line 4', field: 'commitment_number' }),
          expect.objectContaining({ row: 'line 2', field: 'activities.endDate' }),
        ]),
      );
      expect(errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ row: 'line 3', field: 'lead_institution_code' })]),
      );
      expect(await counts()).toEqual(before);
    });

    it('only the coordination team imports', async () => {
      const citizen = await login('citizen@test.ma', 'citizen');
      expect((await call('POST', '/plans/import', { token: citizen, body: plan2018 })).status).toBe(403);
    });
  });

  describe('public reads, no login', () => {
    it('lists, filters, searches the Arabic way, and shows the dashboard', async () => {
      const byArea = (await call('GET', `/plans/${planId}`)).body.areas[0];
      const filtered = await call('GET', `/commitments?areaId=${byArea.id}&limit=100`);
      expect(filtered.body.total).toBe(6);
      const byInstitution = await call('GET', `/commitments?institutionId=${inst.MEF}&planId=${planId}`);
      expect(byInstitution.body.items.map((c: { number: number }) => c.number).sort()).toEqual([11, 12]);
      // Typed without hamza and with haa for taa marbuta, as people type.
      const found = await call('GET', `/commitments?q=${encodeURIComponent('انشاء بوابه النزاهه')}`);
      expect(found.body.items.map((c: { number: number }) => c.number)).toEqual([7]);
      const level = await call('GET', `/commitments?completionLevel=not_started&planId=${planId}&limit=5`);
      expect(level.body.total).toBe(18);
      expect(level.body.items).toHaveLength(5);
      const huge = await call('GET', `/commitments?limit=5000`);
      expect(huge.status).toBe(400);
      const dashboard = await call('GET', `/plans/${planId}/dashboard`);
      expect(dashboard.status).toBe(200);
      expect(dashboard.body.commitments.total).toBe(18);
      expect(dashboard.body.byCompletionLevel.not_started).toBe(18);
    });
  });

  describe('scope and bad input', () => {
    let target: { id: string; activities: { id: string }[] };
    let other: { id: string };

    beforeAll(async () => {
      pmA = await login('pm.mrafp@test.ma', 'project_manager', { institutions: [inst.MRAFP], programmes: [] });
      const list = (await call('GET', `/commitments?planId=${planId}&limit=100`)).body.items;
      target = (await call('GET', `/commitments/${list.find((c: { number: number }) => c.number === 1).id}`)).body;
      other = list.find((c: { number: number }) => c.number === 11);
    });

    it('a project manager reports on their own institution’s commitment', async () => {
      const res = await call('POST', `/commitments/${target.id}/progress`, {
        token: pmA,
        body: { activityId: target.activities[0].id, progress: 100, reportedOn: '2019-01-15' },
      });
      expect(res.status).toBe(201);
      expect(res.body.progress).toBe(30);
    });

    it('evidence files: a PDF is stored and served back as a download; wrong type, forbidden type or oversize is refused', async () => {
      const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('تقرير الإنجاز'), Buffer.from('\n%%EOF')]);
      const report = (files: unknown[]) => ({
        activityId: target.activities[1].id,
        progress: 40,
        reportedOn: '2019-02-01',
        files,
      });
      const ok = await call('POST', `/commitments/${target.id}/progress`, {
        token: pmA,
        body: report([{ name: 'rapport.pdf', type: 'application/pdf', content: pdf.toString('base64') }]),
      });
      expect(ok.status).toBe(201);
      const reports = await call('GET', `/commitments/${target.id}/reports`);
      const evidence = reports.body.items[0].evidence[0];
      expect(evidence).toMatchObject({ name: 'rapport.pdf', type: 'application/pdf', size: pdf.length });
      const download = await app.inject({ method: 'GET', url: `/evidence/${evidence.fileId}` });
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-disposition']).toMatch(/^attachment/);
      expect(Buffer.compare(download.rawPayload, pdf)).toBe(0);

      const before = await counts();
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
      const mislabelled = await call('POST', `/commitments/${target.id}/progress`, {
        token: pmA,
        body: report([{ name: 'x.pdf', type: 'application/pdf', content: png.toString('base64') }]),
      });
      expect([mislabelled.status, mislabelled.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      const exe = await call('POST', `/commitments/${target.id}/progress`, {
        token: pmA,
        body: report([{ name: 'x.exe', type: 'application/x-msdownload', content: 'TVqQ' }]),
      });
      expect(exe.status).toBe(400);
      const big = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(600 * 1024, 1)]);
      const oversized = await call('POST', `/commitments/${target.id}/progress`, {
        token: pmA,
        body: report([{ name: 'big.pdf', type: 'application/pdf', content: big.toString('base64') }]),
      });
      expect([400, 413]).toContain(oversized.status);
      expect(await counts()).toEqual(before);
    });

    it('403 on another institution’s commitment, and nothing changes', async () => {
      const before = await counts();
      const otherCard = (await call('GET', `/commitments/${other.id}`)).body;
      const res = await call('POST', `/commitments/${other.id}/progress`, {
        token: pmA,
        body: { activityId: otherCard.activities[0].id, progress: 50, reportedOn: '2019-01-15' },
      });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('OUT_OF_SCOPE');
      expect(
        (
          await call('PUT', `/commitments/${other.id}/weights`, {
            token: pmA,
            body: { weights: [{ activityId: otherCard.activities[0].id, weight: 5 }] },
          })
        ).status,
      ).toBe(403);
      expect(await counts()).toEqual(before);
      expect((await call('GET', `/commitments/${other.id}`)).body.progress).toBe(otherCard.progress);
    });

    const badCases: {
      name: string;
      method: string;
      path: (t: { id: string; activities: { id: string }[] }) => string;
      body: (t: { id: string; activities: { id: string }[] }) => unknown;
      status: number;
      code: string;
    }[] = [
      {
        name: 'negative weight',
        method: 'PUT',
        path: (t) => `/commitments/${t.id}/weights`,
        body: (t) => ({ weights: [{ activityId: t.activities[1].id, weight: -1 }] }),
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'end date before start date',
        method: 'POST',
        path: (t) => `/commitments/${t.id}/activities`,
        body: () => ({ title: { ar: 'نشاط' }, startDate: '2020-05-01', endDate: '2020-04-01' }),
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'percentage over 100',
        method: 'POST',
        path: (t) => `/commitments/${t.id}/progress`,
        body: (t) => ({ activityId: t.activities[1].id, progress: 101, reportedOn: '2019-01-15' }),
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'unknown commitment',
        method: 'POST',
        path: () => `/commitments/00000000-0000-4000-8000-000000000000/progress`,
        body: (t) => ({ activityId: t.activities[1].id, progress: 10, reportedOn: '2019-01-15' }),
        status: 404,
        code: 'NOT_FOUND',
      },
      {
        name: 'missing Arabic title',
        method: 'POST',
        path: () => `/plans/${planId}/commitments`,
        body: () => ({
          number: 99,
          areaId: '00000000-0000-4000-8000-000000000000',
          title: { fr: 'Sans titre arabe' },
          startDate: '2019-01-01',
          endDate: '2019-12-31',
          ogpValues: [],
          leadInstitutionId: inst.MRAFP,
        }),
        status: 400,
        code: 'VALIDATION_FAILED',
      },
    ];

    it.each(badCases)('$name: $status $code, nothing changes', async (c) => {
      const before = await counts();
      const card = (await call('GET', `/commitments/${target.id}`)).body;
      const res = await call(c.method, c.path(target), {
        token: c.name === 'missing Arabic title' ? coordinator : pmA,
        body: c.body(target),
      });
      expect(res.status).toBe(c.status);
      expect(res.body.error.code).toBe(c.code);
      expect(await counts()).toEqual(before);
      const after = (await call('GET', `/commitments/${target.id}`)).body;
      expect(after.progress).toBe(card.progress);
      expect(after.activities).toEqual(card.activities);
    });
  });
});
