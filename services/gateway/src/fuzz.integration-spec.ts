import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role, ROLES } from '@ogp/auth';
import { createLogger, loadConfig } from '@ogp/runtime';
import { freePort, rowCounts, settledRowCounts, SpawnedService, TEST_DATABASE_URL, TestIsolation } from '@ogp/testing';
import fc from 'fast-check';
import { Client } from 'pg';
import { RouteCatalog } from './access/route-catalog';
import { createGatewayApp } from './gateway.app';
import { GatewayConfig } from './gateway.config';
import { UsersService } from './identity/users.service';
import { SYSTEM_ADMIN } from './testing/gateway-client.fixture';

/**
 * The regression net for "bad input is never a 500" (issue 9): walks every operation of the
 * gateway's own OpenAPI document, as every role and anonymously, with generated bad input
 * (fast-check, fixed seed): NUL bytes and lone surrogates, dates that do not exist, missing,
 * null or mistyped objects, deep nesting, and random mutations of a valid request. Asserts no
 * 5xx, no stack trace, SQL or file path in any answer, and no row written by a refused request.
 *
 *   npx jest services/gateway/src/fuzz.integration-spec.ts                  # the bounded run of npm test
 *   FUZZ_RUNS=2000 npx jest services/gateway/src/fuzz.integration-spec.ts   # random cases per operation
 *   FUZZ_SEED=7 ...                                                          # another sequence
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10);
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_901);
const PASSWORD = 'Fuzz-net-Qz7#rT9!mW2';
const SERVICES = ['commitments', 'participation', 'reporting', 'notifications'];
const DAY = 86_400_000;

type Who = Role | 'anonymous';
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Operation {
  method: string;
  path: string;
  /** What the document says of it; the walker uses whatever is there. */
  doc: {
    parameters?: { name: string; in: string; schema?: Schema }[];
    requestBody?: { content?: Record<string, { schema?: Schema }> };
  };
}
interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  format?: string;
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  nullable?: boolean;
}
interface Case {
  label: string;
  who: Who;
  params: Record<string, string>;
  query: [string, string][];
  body?: Json;
  raw?: string;
  headers?: Record<string, string>;
}
interface Tally {
  requests: number;
  ok: number;
  refused: number;
  codes: Record<string, number>;
  server: number;
}

/** Answers that show a process's inside: a stack frame, a source path, SQL or a driver message. */
const LEAK =
  /\bat [\w$.<>]+ \(|[\w/-]+\.(?:ts|js):\d+|node_modules|\/work\/|\bSELECT\b.*\bFROM\b|\bINSERT INTO\b|\bUPDATE\b.*\bSET\b|violates|duplicate key|QueryFailedError|syntax error at|invalid input syntax|out of range for type|TypeError|RangeError|ReferenceError|Cannot read properties/;

const BAD_TEXT = ['\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\udc00\ud800', '\ud83d', 'نص\u0000', '\u0000'.repeat(3)];
const BAD_DATES = [
  '2026-02-30',
  '2025-02-29',
  '2026-04-31',
  '2026-13-01',
  '0000-01-01',
  '9999-12-31',
  '-0001-01-01',
  '2026-W01-1',
  '2026-060',
  '275760-09-13',
  '2026-02-30T10:00:00Z',
  '2026-01-01T25:00:00Z',
  '2026-01-01T00:00:00+99:00',
  '1969-12-31T23:59:60Z',
  'Infinity',
  'epoch',
];
const BAD_QUERY = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%FF',
  '%',
  '%zz',
  '-1',
  '1e309',
  '1.5',
  'NaN',
  '',
  'null',
  '[]',
  '{}',
  '2026-02-30',
  'x'.repeat(3000),
  '00000000-0000-0000-0000-000000000000',
  "'%20OR%201=1--",
];
const BAD_PARAMS = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '00000000-0000-4000-8000-00000000dead',
  'x'.repeat(400),
  '%25',
  'null',
  '0',
  '-1',
  '..%2F..',
];

const badValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    [],
    {},
    '',
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    2 ** 31,
    2 ** 53 + 2,
    true,
    false,
    '1',
    'true',
    'null',
  ),
  fc.constantFrom<Json>(...BAD_DATES),
  fc.constantFrom<Json>(...BAD_TEXT),
  fc.constant<Json>('x'.repeat(10_001)),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.uuid(),
  fc.array(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>, { maxKeys: 3 }),
);

/** Every node of a JSON value, with its path (the root is []). */
function nodes(value: Json, path: (string | number)[] = [], out: { path: (string | number)[]; value: Json }[] = []) {
  out.push({ path, value });
  if (Array.isArray(value)) value.forEach((v, i) => nodes(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) nodes(v, [...path, k], out);
  return out;
}

function setAt(root: Json, path: (string | number)[], value: Json | undefined): Json {
  if (!path.length) return value === undefined ? null : value;
  const copy = structuredClone(root) as Record<string | number, Json>;
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = value;
  return copy as Json;
}

const MUTATIONS = ['replace', 'remove', 'inject', 'null', 'wrap', 'unwrap', 'stringify', 'extra', 'date'] as const;

/** One mutation of a valid body: the classes of issue 9 and plain random damage. */
const mutation = fc.record({
  kind: fc.constantFrom(...MUTATIONS),
  pick: fc.nat(),
  position: fc.nat(),
  value: badValue,
  text: fc.constantFrom(...BAD_TEXT),
  date: fc.constantFrom(...BAD_DATES),
});

function mutate(body: Json, steps: fc.Generated<typeof mutation>[]): Json {
  let out = body;
  for (const step of steps) {
    const all = nodes(out);
    const target = all[step.pick % all.length];
    const strings = all.filter((n) => typeof n.value === 'string');
    switch (step.kind) {
      case 'replace':
        out = setAt(out, target.path, step.value);
        break;
      case 'remove':
        out = target.path.length ? setAt(out, target.path, undefined) : out;
        break;
      case 'inject': {
        const leaf = strings.length ? strings[step.pick % strings.length] : target;
        const text = typeof leaf.value === 'string' ? leaf.value : '';
        const at = step.position % (text.length + 1);
        out = setAt(out, leaf.path, text.slice(0, at) + step.text + text.slice(at));
        break;
      }
      case 'null':
        out = setAt(out, target.path, null);
        break;
      case 'wrap':
        out = setAt(out, target.path, [target.value]);
        break;
      case 'unwrap':
        out = setAt(
          out,
          target.path,
          Array.isArray(target.value)
            ? ((target.value[0] ?? null) as Json)
            : (Object.values(target.value ?? {})[0] ?? 'x'),
        );
        break;
      case 'stringify':
        out = setAt(
          out,
          target.path,
          typeof target.value === 'string' ? Number(target.value) || 0 : JSON.stringify(target.value),
        );
        break;
      case 'extra':
        out =
          target.value && typeof target.value === 'object' && !Array.isArray(target.value)
            ? setAt(out, [...target.path, `x${step.position % 100}`], step.value)
            : out;
        break;
      case 'date': {
        const leaf = strings.length ? strings[step.pick % strings.length] : target;
        out = setAt(out, leaf.path, step.date);
        break;
      }
    }
  }
  return out;
}

/** A value that fits a documented schema, for routes whose body has no example below. */
function fromSchema(schema: Schema | undefined, components: Record<string, Schema>, depth = 0): Json {
  if (!schema || depth > 6) return null;
  if (schema.$ref) return fromSchema(components[schema.$ref.split('/').pop()!], components, depth + 1);
  if (schema.example !== undefined) return schema.example as Json;
  if (schema.default !== undefined) return schema.default as Json;
  if (schema.enum?.length) return schema.enum[0] as Json;
  if (schema.allOf?.length) return Object.assign({}, ...schema.allOf.map((s) => fromSchema(s, components, depth + 1)));
  if (schema.oneOf?.length || schema.anyOf?.length)
    return fromSchema((schema.oneOf ?? schema.anyOf)![0], components, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'object' || schema.properties) {
    return Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([k, s]) => [k, fromSchema(s, components, depth + 1)]),
    );
  }
  if (type === 'array') return [fromSchema(schema.items, components, depth + 1)];
  if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
  if (type === 'boolean') return false;
  if (type === 'string') {
    if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000001';
    if (schema.format === 'date') return '2026-01-15';
    if (schema.format === 'date-time') return '2026-01-15T10:00:00Z';
    if (schema.format === 'email') return 'someone@example.ma';
    if (schema.format === 'uri' || schema.format === 'url') return 'https://example.ma/';
    return 'نص'.padEnd(Math.max(schema.minLength ?? 1, 3), 'ا');
  }
  return null;
}

function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return Math.abs(h);
}

describe('fuzz: every operation of the OpenAPI document, every role, generated bad input (real servers)', () => {
  const iso = new TestIsolation();
  let app: NestFastifyApplication;
  const spawned: SpawnedService[] = [];
  let pg: Client;
  const token: Partial<Record<Who, string>> = {};
  const ids: Record<string, string> = {};
  let components: Record<string, Schema> = {};
  const operations: Operation[] = [];
  let access: Map<string, Who[]>;
  let schemas: string[];
  const tallies = new Map<string, Tally>();
  const failures: string[] = [];

  async function send(
    method: string,
    url: string,
    options: { who?: Who; token?: string; body?: Json; raw?: string; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { 'accept-language': 'fr', ...(options.headers ?? {}) };
    const bearer = options.token ?? (options.who && options.who !== 'anonymous' ? token[options.who] : undefined);
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if ((options.body !== undefined || options.raw !== undefined) && !headers['content-type'])
      headers['content-type'] = 'application/json';
    const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const res = await app.inject({ method: method as 'GET', url, headers, payload });
    let body: any = res.body;
    if (String(res.headers['content-type'] ?? '').startsWith('application/json')) {
      try {
        body = JSON.parse(res.body);
      } catch {
        // kept as text
      }
    }
    return { status: res.statusCode, body, text: res.body };
  }

  async function created(url: string, body: Json, who: Who = 'coordinator') {
    const res = await send('POST', url, { who, body });
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`fixture ${url}: ${res.status} ${res.text.slice(0, 500)}`);
    return res.body;
  }

  async function login(email: string): Promise<{ accessToken: string; refreshToken: string }> {
    const res = await send('POST', '/auth/login', { body: { email, password: PASSWORD } });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${res.text}`);
    return res.body;
  }

  async function account(
    name: string,
    roles: Role[],
    scopes?: { institutions: string[]; programmes: string[] },
  ): Promise<string> {
    return (
      await app
        .get(UsersService)
        .createByStaff(SYSTEM_ADMIN, { email: `${name}@fuzz.ma`, password: PASSWORD, displayName: name, roles, scopes })
    ).id;
  }

  /** A valid request body per operation (ids of the fixtures): the document's schema is used where it has one and no example is here. */
  function example(op: Operation): Json | undefined {
    const now = Date.now();
    const soon = (days: number) => new Date(now + days * DAY).toISOString();
    const unique = `${Math.floor(Math.random() * 1e9)}`;
    const bodies: Record<string, () => Json> = {
      'POST /auth/register': () => ({
        email: `reg${unique}@fuzz.ma`,
        password: PASSWORD,
        displayName: 'مواطن',
        role: 'citizen',
        language: 'ar',
      }),
      'POST /auth/login': () => ({ email: 'login-target@fuzz.ma', password: PASSWORD }),
      'POST /auth/refresh': () => ({ refreshToken: ids.refreshToken }),
      'PATCH /accounts/{id}': () => ({
        displayName: 'مسؤولة',
        roles: ['project_manager'],
        scopes: { institutions: [ids.institution], programmes: [ids.programme] },
      }),
      'PATCH /me': () => ({ displayName: 'اسم', language: 'fr' }),
      // Never the right current password: a valid change would end the sessions the walk uses.
      'POST /me/password': () => ({ currentPassword: 'Not-the-current-9#x', newPassword: 'Another-long-Qz7#rT9!' }),
      'POST /auth/password-reset': () => ({ email: 'login-target@fuzz.ma' }),
      'POST /auth/password-reset/confirm': () => ({ token: 'A'.repeat(43), password: 'Another-long-Qz7#rT9!' }),
      'POST /accounts': () => ({
        email: `acc${unique}@fuzz.ma`,
        password: PASSWORD,
        displayName: 'مسؤول',
        roles: ['project_manager'],
        scopes: { institutions: [ids.institution], programmes: [ids.programme] },
        language: 'fr',
      }),
      'POST /programmes': () => ({
        code: `PR${unique}`,
        kind: 'ogp_national',
        name: { ar: 'برنامج', fr: 'Programme' },
        description: { ar: 'وصف' },
      }),
      'POST /institutions': () => ({ code: `IN${unique}`, kind: 'ministry', name: { ar: 'وزارة' } }),
      'POST /plans': () => ({
        programmeId: ids.programme,
        code: `PL${unique}`,
        title: { ar: 'خطة' },
        startDate: '2026-01-01',
        endDate: '2027-12-31',
        status: 'draft',
      }),
      'POST /plans/import': () => ({
        programmeCode: 'FUZZ',
        plan: { code: `IM${unique}`, title: { ar: 'خطة' }, startDate: '2026-01-01', endDate: '2027-12-31' },
        institutions: [{ code: `II${unique}`, kind: 'agency', name: { ar: 'وكالة' } }],
        areas: [{ code: 'A1', title: { ar: 'محور' } }],
        commitments: [
          {
            number: 1,
            areaCode: 'A1',
            leadInstitutionCode: `II${unique}`,
            title: { ar: 'التزام' },
            startDate: '2026-01-01',
            endDate: '2026-12-31',
            ogpValues: ['civic_participation'],
            activities: [{ title: { ar: 'نشاط' }, startDate: '2026-01-01', endDate: '2026-03-31', weight: 1 }],
          },
        ],
      }),
      'POST /areas': () => ({ planId: ids.plan, code: `AR${unique}`, title: { ar: 'محور' }, position: 2 }),
      'POST /plans/{id}/commitments': () => ({
        number: 2 + (hash(unique) % 9000),
        areaId: ids.area,
        leadInstitutionId: ids.institution,
        supportingInstitutionIds: [ids.institution],
        title: { ar: 'التزام', fr: 'Engagement' },
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        ogpValues: ['access_to_information'],
        description: { ar: 'وصف' },
        contact: { name: 'أمينة', email: 'amina@example.ma', phone: '+212 600000000' },
        sdgs: [16],
        activities: [
          { title: { ar: 'نشاط' }, startDate: '2026-01-01', endDate: '2026-06-30', weight: 2, responsible: 'مديرية' },
        ],
        indicators: [{ title: { ar: 'مؤشر' }, unit: '%', baseline: 0, target: 100, current: 10 }],
      }),
      'PUT /tracking-strategy': () => ({ target: 'commitment', id: ids.commitment, strategy: 'weighted_activities' }),
      'PATCH /commitments/{id}': () => ({
        title: { ar: 'التزام معدل' },
        endDate: '2026-12-31',
        goal: { ar: 'هدف' },
        cost: '100 000 MAD',
      }),
      'POST /commitments/{id}/communications': () => ({
        kind: 'press',
        title: { ar: 'بلاغ' },
        happenedOn: '2026-01-10',
        link: 'https://example.ma/news',
      }),
      'POST /commitments/{id}/activities': () => ({
        title: { ar: 'نشاط جديد' },
        startDate: '2026-02-01',
        endDate: '2026-02-28',
        weight: 1,
        responsible: 'قسم',
      }),
      'PUT /commitments/{id}/weights': () => ({ weights: [{ activityId: ids.activity, weight: 3 }] }),
      'POST /commitments/{id}/progress': () => ({
        activityId: ids.activity,
        progress: 40,
        reportedOn: '2026-01-15',
        results: { ar: 'نتائج' },
        evidence: [{ url: 'https://example.ma/evidence', title: 'دليل' }],
        files: [
          {
            name: 'evidence.pdf',
            type: 'application/pdf',
            content: Buffer.from('%PDF-1.4\n%fuzz\n').toString('base64'),
          },
        ],
      }),
      'PUT /commitments/{id}/indicators': () => ({ indicatorId: ids.indicator, current: 20 }),
      'PUT /commitments/{id}/manual-level': () => ({ level: 'limited' }),
      'PUT /commitments/{id}/completion-level-override': () => ({ level: 'substantial', reason: 'قرار لجنة التتبع' }),
      'POST /commitments/{id}/blockers': () => ({ title: 'عائق', description: 'وصف العائق بالتفصيل' }),
      'POST /blockers/{id}/answer': () => ({ answer: 'جواب اللجنة' }),
      'POST /cycles': () => ({
        programmeId: ids.programme,
        code: `CY${unique}`,
        title: { ar: 'دورة' },
        phases: [{ kind: 'ideas', opensAt: soon(-1), closesAt: soon(30) }],
        themes: [{ number: 1, title: { ar: 'موضوع' } }],
      }),
      'POST /ideas': () => ({
        cycleId: ids.cycle,
        themeId: ids.theme,
        title: 'فكرة جديدة',
        body: 'نص الفكرة بما يكفي من التفاصيل',
        institution: 'وزارة',
        anonymous: false,
      }),
      'POST /ideas/{id}/fate': () => ({ step: 'screen', decision: 'accept' }),
      'POST /ideas/{id}/report': () => ({ reason: 'محتوى غير لائق' }),
      'POST /ideas/{id}/hide': () => ({ reason: 'محتوى غير لائق' }),
      'POST /workshops': () => ({
        cycleId: ids.cycle,
        themeId: ids.theme,
        number: 2 + (hash(unique) % 900),
        title: { ar: 'لقاء' },
        organiser: 'جمعية',
        institutions: ['وزارة'],
        startsAt: soon(20),
        registrationOpensAt: soon(-1),
        registrationClosesAt: soon(19),
        capacity: 30,
        agenda: [{ item: 'افتتاح', minutes: 15 }],
      }),
      'POST /workshops/{id}/attendance': () => ({ presentCodes: [ids.registrationCode] }),
      'POST /workshops/{id}/ideas': () => ({ title: 'فكرة من اللقاء', body: 'نص الفكرة كما عبر عنه المشاركون' }),
      'PUT /workshops/{id}/problems': () => ({ problems: [{ title: 'مشكل', priority: 1 }] }),
      'PUT /workshops/{id}/outputs': () => ({
        reportUrl: 'https://example.ma/report.pdf',
        recordingUrl: 'https://example.ma/video',
      }),
      'POST /drafts': () => ({
        cycleId: ids.cycle,
        number: 2 + (hash(unique) % 900),
        title: { ar: 'التزام مقترح' },
        institution: 'وزارة',
        institutionId: ids.institution,
      }),
      'POST /drafts/{id}/comments': () => ({ body: 'تعليق على الالتزام المقترح' }),
      'POST /comments/{id}/answer': () => ({ answer: 'جواب المؤسسة' }),
      'POST /candidacies': () => ({
        cycleId: ids.cycle,
        organisation: 'جمعية',
        statement: 'نرغب في المساهمة في أشغال اللجنة بخبرتنا',
        documents: [{ title: 'ملف', url: 'https://example.ma/cv.pdf' }],
      }),
      'POST /committee/selection': () => ({
        cycleId: ids.cycle,
        scores: [{ candidacyId: ids.candidacy, score: 80 }],
        seats: 1,
        termStart: '2026-09-01',
        termMonths: 24,
      }),
      'POST /committee/government-seats': () => ({ holder: 'وزارة', termStart: '2026-09-01', termMonths: 24 }),
      'POST /committee/seats/{id}/end': () => ({ reason: 'انتهاء المهمة' }),
      'POST /publications': () => ({
        kind: 'news',
        title: { ar: 'خبر' },
        body: { ar: 'نص الخبر' },
        attachments: [{ title: 'ملف', url: 'https://example.ma/a.pdf' }],
      }),
      'POST /reports': () => ({ kind: 'plan_dashboard', format: 'json', planId: ids.plan }),
      'PUT /programmes/{id}/alert-settings': () => ({
        deadlineNoticeDays: 7,
        escalationDays: 14,
        reportingPeriodDays: 60,
      }),
      'PUT /me/notification-preferences': () => ({ type: 'reporting.alert.overdue', mode: 'daily_digest' }),
      'POST /me/notifications/read': () => ({ ids: [ids.unknown] }),
    };
    const key = `${op.method} ${op.path}`;
    if (bodies[key]) return bodies[key]();
    const schema = op.doc.requestBody?.content?.['application/json']?.schema;
    if (schema) return fromSchema(schema, components);
    return op.doc.requestBody ? {} : undefined;
  }

  /** Query parameters each list reads: the document's where it has them, and these meanwhile. */
  const KNOWN_QUERY: Record<string, Record<string, string>> = {
    'GET /commitments': {
      planId: 'plan',
      areaId: 'area',
      institutionId: 'institution',
      status: '=overdue',
      completionLevel: '=limited',
      q: '=شفافية',
    },
    'GET /blockers': { status: '=open', commitmentId: 'commitment' },
    'GET /cycles/{id}/ideas': { themeId: 'theme' },
    'GET /cycles/{id}/ideas/similar': { text: '=نشر البيانات' },
    'GET /publications': { kind: '=news', drafts: '=true' },
    'GET /alerts': { programmeId: 'programme', kind: '=overdue' },
    'GET /accounts': { role: '=citizen' },
    'GET /admin/audit-trail': { userId: 'spareAccount', from: '=2026-01-01T00:00:00Z', to: '=2030-01-01T00:00:00Z' },
  };
  const PAGED =
    /^GET \/(programmes|institutions|cycles|reports|commitments|blockers|accounts|publications|alerts|me\/ideas|me\/notifications|admin\/dead-letters|admin\/audit-trail|commitments\/\{id\}\/(history|reports)|cycles\/\{id\}\/ideas|drafts\/\{id\}\/comments)$/;

  function validQuery(op: Operation): [string, string][] {
    const key = `${op.method} ${op.path}`;
    const out = new Map<string, string>();
    for (const p of op.doc.parameters ?? [])
      if (p.in === 'query') out.set(p.name, String(fromSchema(p.schema, components) ?? '1'));
    for (const [name, source] of Object.entries(KNOWN_QUERY[key] ?? {}))
      out.set(name, source.startsWith('=') ? source.slice(1) : ids[source]);
    if (PAGED.test(key)) {
      out.set('limit', '5');
      out.set('offset', '0');
    }
    return [...out].map(([k, v]) => [k, encodeURIComponent(v)]);
  }

  /** A path parameter that names something real: the fixture of the resource the path starts with. */
  function validParam(path: string, name: string): string {
    if (name === 'activityId') return ids.removableActivity;
    if (name === 'code') return ids.registrationCode;
    if (name === 'kind') return 'overdue';
    const resource = path.split('/')[1];
    const byResource: Record<string, string> = {
      accounts: 'spareAccount',
      programmes: 'programme',
      plans: 'plan',
      commitments: 'commitment',
      evidence: 'evidence',
      blockers: 'blocker',
      cycles: 'cycle',
      ideas: 'idea',
      workshops: 'workshop',
      drafts: 'draft',
      comments: 'comment',
      committee: 'seat',
      publications: 'publication',
      reports: 'report',
    };
    return ids[byResource[resource]] ?? ids.unknown;
  }

  function url(op: Operation, params: Record<string, string>, query: [string, string][]): string {
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
    return query.length ? `${path}?${query.map(([k, v]) => `${k}=${v}`).join('&')}` : path;
  }

  function admitted(op: Operation): Who[] {
    return access.get(`${op.method} ${op.path}`) ?? ['anonymous', ...ROLES];
  }

  /** The deterministic probes of every class, then RUNS random cases (fixed seed per operation). */
  function casesFor(op: Operation): Case[] {
    const who = admitted(op);
    const first = who[0];
    const outsiders = (['anonymous', ...ROLES] as Who[]).filter((w) => !who.includes(w));
    const paramNames = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const params = Object.fromEntries(paramNames.map((n) => [n, encodeURIComponent(validParam(op.path, n))]));
    const query = validQuery(op);
    const body = example(op);
    const hasBody = body !== undefined;
    const cases: Case[] = [{ label: 'valid', who: first, params, query, body }];
    for (const outsider of outsiders.slice(0, 2)) cases.push({ label: 'outsider', who: outsider, params, query, body });
    for (const name of paramNames)
      for (const bad of ['%00', '%ED%A0%80', 'not-a-uuid'])
        cases.push({ label: 'path parameter', who: first, params: { ...params, [name]: bad }, query, body });
    for (const [name] of query)
      cases.push({
        label: 'query NUL',
        who: first,
        params,
        query: query.map(([k, v]) => [k, k === name ? `${v}%00` : v]),
        body,
      });
    cases.push({ label: 'query unknown', who: first, params, query: [...query, ['zz', '%00']], body });
    cases.push({
      label: 'deep JSON',
      who: 'anonymous',
      params,
      query,
      raw: '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
    });
    cases.push({ label: 'deep JSON', who: first, params, query, raw: '['.repeat(10_000) + ']'.repeat(10_000) });
    if (hasBody) {
      for (const raw of ['null', '[]', '42', '"text"', 'true', '{}', '[{}]'])
        cases.push({ label: 'body not an object', who: first, params, query, raw });
      for (const n of nodes(body).filter((x) => x.path.length > 0 && x.path.length <= 2)) {
        cases.push({ label: 'field removed', who: first, params, query, body: setAt(body, n.path, undefined) });
        cases.push({ label: 'field null', who: first, params, query, body: setAt(body, n.path, null) });
        if (n.value && typeof n.value === 'object')
          cases.push({
            label: 'object as array',
            who: first,
            params,
            query,
            body: setAt(body, n.path, Array.isArray(n.value) ? { 0: n.value[0] ?? null } : [n.value]),
          });
        if (typeof n.value === 'string') {
          cases.push({
            label: 'NUL in text',
            who: first,
            params,
            query,
            body: setAt(body, n.path, `${n.value}\u0000`),
          });
          cases.push({
            label: 'date that does not exist',
            who: first,
            params,
            query,
            body: setAt(body, n.path, /T\d\d:/.test(n.value) ? '2026-02-30T10:00:00Z' : '2026-02-30'),
          });
        }
      }
    }
    const random = fc.record({
      who: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...who) },
        { weight: 1, arbitrary: fc.constantFrom<Who>('anonymous', ...ROLES) },
      ),
      target: fc.constantFrom(
        ...(hasBody ? ['body', 'body', 'body', 'body', 'query', 'header'] : ['query', 'header']),
        ...(paramNames.length ? ['param'] : []),
      ),
      steps: fc.array(mutation, { minLength: 1, maxLength: 3 }),
      queryKey: fc.oneof(
        fc.constantFrom(...(query.length ? query.map(([k]) => k) : ['q'])),
        fc.string({ minLength: 1, maxLength: 6 }).map(encodeURIComponent),
      ),
      queryValue: fc.oneof(fc.constantFrom(...BAD_QUERY), fc.string({ maxLength: 20 }).map(encodeURIComponent)),
      repeat: fc.boolean(),
      param: fc.oneof(
        fc.constantFrom(...BAD_PARAMS),
        fc.uuid(),
        fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent),
      ),
      header: fc.constantFrom<[string, string]>(
        ['idempotency-key', 'k\u0000'],
        ['idempotency-key', 'x'.repeat(5000)],
        ['accept-language', '\u00ff;q=2,*;q=-1'],
        ['authorization', 'Bearer ' + 'a'.repeat(5000)],
        ['authorization', 'Bearer a.b.c'],
        ['content-type', 'text/plain'],
        ['content-type', 'application/json; charset=latin1'],
      ),
    });
    const samples = fc.sample(random, { seed: SEED + hash(`${op.method} ${op.path}`), numRuns: RUNS });
    for (const s of samples) {
      const c: Case = { label: `random ${s.target}`, who: s.who, params, query, body };
      if (s.target === 'body') c.body = mutate(body ?? {}, s.steps);
      if (s.target === 'query')
        c.query = s.repeat
          ? [...query, [s.queryKey, s.queryValue], [s.queryKey, s.queryValue]]
          : [...query.filter(([k]) => k !== s.queryKey), [s.queryKey, s.queryValue]];
      if (s.target === 'param') c.params = { ...params, [paramNames[s.steps[0].pick % paramNames.length]]: s.param };
      if (s.target === 'header') c.headers = Object.fromEntries([s.header]);
      cases.push(c);
    }
    return cases;
  }

  beforeAll(async () => {
    for (const service of SERVICES) {
      spawned.push(
        new SpawnedService(
          service,
          iso.env(service, { HTTP_PORT: String(await freePort()), IDEA_RATE_LIMIT_PER_HOUR: '100000' }),
        ).start(),
      );
    }
    const config = loadConfig(GatewayConfig, iso.env('gateway', { AUTH_RATE_LIMIT_PER_MINUTE: '100000' }));
    ({ app } = (await createGatewayApp(config, createLogger('gateway', 'error'))) as { app: NestFastifyApplication });
    await app.getHttpAdapter().getInstance().ready();
    await Promise.all(spawned.map((s) => s.ready(60_000)));
    pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();

    // Staff first; the project manager and committee member are scoped once the programme exists.
    for (const role of ['admin', 'coordinator', 'cso', 'citizen'] as Role[]) {
      ids[`${role}User`] = await account(role, [role]);
      token[role] = (await login(`${role}@fuzz.ma`)).accessToken;
    }
    ids.programme = (await created('/programmes', { code: 'FUZZ', kind: 'ogp_national', name: { ar: 'برنامج' } })).id;
    ids.institution = (
      await created('/institutions', { code: 'FUZZ-INST', kind: 'ministry', name: { ar: 'وزارة' } })
    ).id;
    for (const role of ['project_manager', 'committee_member'] as Role[]) {
      ids[`${role}User`] = await account(role, [role], {
        institutions: role === 'project_manager' ? [ids.institution] : [],
        programmes: [ids.programme],
      });
      token[role] = (await login(`${role}@fuzz.ma`)).accessToken;
    }
    ids.spareAccount = await account('spare', ['project_manager']);
    await account('login-target', ['citizen']);
    await account('logout', ['citizen']);
    ids.refreshToken = (await login('login-target@fuzz.ma')).refreshToken;
    ids.plan = (
      await created('/plans', {
        programmeId: ids.programme,
        code: 'FUZZ-PLAN',
        title: { ar: 'خطة' },
        startDate: '2026-01-01',
        endDate: '2027-12-31',
      })
    ).id;
    ids.area = (await created('/areas', { planId: ids.plan, code: 'FUZZ-AREA', title: { ar: 'محور' } })).id;
    const commitment = await created(`/plans/${ids.plan}/commitments`, {
      number: 1,
      areaId: ids.area,
      leadInstitutionId: ids.institution,
      title: { ar: 'التزام' },
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      ogpValues: ['access_to_information'],
      activities: [
        { title: { ar: 'نشاط' }, startDate: '2026-01-01', endDate: '2026-06-30' },
        { title: { ar: 'نشاط يحذف' }, startDate: '2026-01-01', endDate: '2026-06-30' },
      ],
      indicators: [{ title: { ar: 'مؤشر' }, baseline: 0, target: 10 }],
    });
    ids.commitment = commitment.id;
    ids.activity = commitment.activities[0].id;
    ids.removableActivity = commitment.activities[1].id;
    ids.indicator = commitment.indicators?.[0]?.id ?? ids.unknown;
    ids.blocker = (
      await created(
        `/commitments/${ids.commitment}/blockers`,
        { title: 'عائق', description: 'وصف العائق' },
        'project_manager',
      )
    ).id;
    const cycle = await created('/cycles', {
      programmeId: ids.programme,
      code: 'FUZZ-CYCLE',
      title: { ar: 'دورة' },
      phases: ['ideas', 'consultation', 'candidacy'].map((kind) => ({
        kind,
        opensAt: new Date(Date.now() - DAY).toISOString(),
        closesAt: new Date(Date.now() + 60 * DAY).toISOString(),
      })),
      themes: [{ number: 1, title: { ar: 'موضوع' } }],
    });
    ids.cycle = cycle.id;
    ids.theme = cycle.themes[0].id;
    ids.idea = (
      await created(
        '/ideas',
        { cycleId: ids.cycle, themeId: ids.theme, title: 'فكرة أولى', body: 'نص الفكرة الأولى بتفصيل كاف' },
        'citizen',
      )
    ).id;
    ids.workshop = (
      await created('/workshops', {
        cycleId: ids.cycle,
        themeId: ids.theme,
        number: 1,
        title: { ar: 'لقاء' },
        organiser: 'جمعية',
        institutions: [],
        startsAt: new Date(Date.now() + 20 * DAY).toISOString(),
        registrationOpensAt: new Date(Date.now() - DAY).toISOString(),
        registrationClosesAt: new Date(Date.now() + 19 * DAY).toISOString(),
        capacity: 1000,
      })
    ).id;
    ids.registrationCode = (await created(`/workshops/${ids.workshop}/registrations`, {}, 'citizen')).code;
    ids.draft = (
      await created('/drafts', {
        cycleId: ids.cycle,
        number: 1,
        title: { ar: 'التزام مقترح' },
        institution: 'وزارة',
        institutionId: ids.institution,
      })
    ).id;
    ids.comment = (await created(`/drafts/${ids.draft}/comments`, { body: 'تعليق أول على الالتزام' }, 'citizen')).id;
    ids.candidacy = (
      await created(
        '/candidacies',
        { cycleId: ids.cycle, organisation: 'جمعية', statement: 'نرغب في المساهمة في أشغال اللجنة' },
        'cso',
      )
    ).id;
    ids.seat = (
      await created('/committee/government-seats', { holder: 'وزارة', termStart: '2026-01-01', termMonths: 24 })
    ).id;
    ids.publication = (await created('/publications', { kind: 'news', title: { ar: 'خبر' }, body: { ar: 'نص' } })).id;
    ids.report = (await created('/reports', { kind: 'plan_dashboard', format: 'json', planId: ids.plan })).id;
    ids.evidence = '00000000-0000-4000-8000-00000000e1de';
    ids.unknown = '00000000-0000-4000-8000-00000000dead';

    const doc = await send('GET', '/docs/openapi.json');
    expect(doc.status).toBe(200);
    components = doc.body.components?.schemas ?? {};
    for (const [path, entries] of Object.entries(doc.body.paths as Record<string, Record<string, Operation['doc']>>)) {
      for (const [method, entry] of Object.entries(entries)) {
        // A live stream (server-sent events) answers and then never ends: an in-process request to it
        // would wait for ever. Its refusals (unknown plan, bad id, too many streams) are tested in
        // live/live.integration-spec.ts.
        const streams = JSON.stringify((entry as { responses?: unknown }).responses ?? {}).includes(
          'text/event-stream',
        );
        if (['get', 'post', 'put', 'patch', 'delete'].includes(method) && !streams)
          operations.push({ method: method.toUpperCase(), path, doc: entry });
      }
    }
    access = new Map(
      app
        .get(RouteCatalog)
        .list()
        .map((r) => [
          `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`,
          (r.public ? ['anonymous', ...ROLES] : r.roles) as Who[],
        ]),
    );
    schemas = [...SERVICES, 'gateway'].map((s) => iso.schema(s));
    if (process.env.FUZZ_DEBUG) console.log(Object.keys(await rowCounts(pg, schemas)).join(' '));
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await Promise.all(spawned.map((s) => s.stop()));
    await pg?.end();
    await iso.cleanup();
  });

  /**
   * Tables that event consumers and jobs fill after the fact (all of notifications' but preferences;
   * reporting's activity_changes, written by a trigger on its read model); the outbox rows that feed
   * them are counted.
   */
  const WRITTEN_LATER =
    /_notifications\.(?!preferences$)|\.(inbox|dead_letters|rm_[a-z_]+|[a-z_]+_read_model|dashboard_snapshots|report_chunks|activity_changes)$/;

  /**
   * Waits (at most 30 s) until no report job is queued or running. A job picked up later than the
   * settling window wrote its event during the next request, which was then blamed for it.
   */
  async function reportJobsEnded(): Promise<void> {
    const table = `"${iso.schema('reporting')}".reports`;
    for (let i = 0; i < 300; i++) {
      const { rows } = await pg.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} WHERE status IN ('queued', 'running')`,
      );
      if (rows[0].n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('walks every documented operation', async () => {
    expect(operations.length).toBeGreaterThan(80);
    const started = Date.now();
    for (const op of operations) {
      const key = `${op.method} ${op.path}`;
      const tally: Tally = { requests: 0, ok: 0, refused: 0, codes: {}, server: 0 };
      tallies.set(key, tally);
      let before = await rowCounts(pg, schemas, WRITTEN_LATER);
      for (const c of casesFor(op)) {
        // Logging out ends the session it names: each logout gets a fresh one of its own account.
        const bearer =
          key === 'POST /auth/logout' && c.who !== 'anonymous'
            ? (await login('logout@fuzz.ma')).accessToken
            : undefined;
        if (bearer) before = await rowCounts(pg, schemas, WRITTEN_LATER);
        const res = await send(op.method, url(op, c.params, c.query), {
          who: c.who,
          token: bearer,
          body: c.raw === undefined ? c.body : undefined,
          raw: c.raw,
          headers: c.headers,
        });
        tally.requests++;
        const code = res.body?.error?.code as string | undefined;
        const where = `${key} [${c.label}, ${c.who}] → ${res.status} ${code ?? ''}: ${JSON.stringify(c.raw?.slice(0, 80) ?? c.body ?? null).slice(0, 300)} ${url(op, c.params, c.query).slice(0, 200)}`;
        if (res.status >= 500) {
          tally.server++;
          failures.push(`5xx ${where} ${res.text.slice(0, 300)}`);
        } else if (res.status >= 400) {
          tally.refused++;
          tally.codes[code ?? String(res.status)] = (tally.codes[code ?? String(res.status)] ?? 0) + 1;
          if (!code || !res.body.error.message) failures.push(`uncoded ${where} ${res.text.slice(0, 200)}`);
        } else tally.ok++;
        if (LEAK.test(res.status >= 400 ? res.text : '') || /\bat [\w$.<>]+ \(.*:\d+:\d+\)/.test(res.text))
          failures.push(`leak ${where} ${res.text.slice(0, 300)}`);
        // An accepted write may finish after its answer (a password-reset link is issued afterwards,
        // a report's job writes its event when it ends): let it land first.
        if (res.status < 400 && key === 'POST /reports') await reportJobsEnded();
        const after =
          res.status < 400 && op.method !== 'GET'
            ? await settledRowCounts(pg, schemas, WRITTEN_LATER, 100)
            : await rowCounts(pg, schemas, WRITTEN_LATER);
        if (res.status >= 400) {
          const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
          if (changed.length)
            failures.push(`wrote ${changed.map((t) => `${t} ${before[t]}→${after[t]}`).join(', ')} ${where}`);
        }
        before = after;
      }
    }
    const rows = [...tallies].map(
      ([key, t]) =>
        `${key.padEnd(52)} ${String(t.requests).padStart(5)} ${String(t.ok).padStart(5)} ${String(t.refused).padStart(5)} ${String(t.server).padStart(4)}  ${Object.entries(
          t.codes,
        )
          .map(([c, n]) => `${c}:${n}`)
          .join(' ')}`,
    );
    const total = [...tallies.values()].reduce((s, t) => s + t.requests, 0);
    console.log(
      [
        `fuzz: ${operations.length} operations, ${total} requests in ${Math.round((Date.now() - started) / 1000)} s (FUZZ_RUNS=${RUNS}, FUZZ_SEED=${SEED})`,
        `${'operation'.padEnd(52)} ${'sent'.padStart(5)} ${'2xx'.padStart(5)} ${'4xx'.padStart(5)} ${'5xx'.padStart(4)}  codes`,
        ...rows,
      ].join('\n'),
    );
    expect(failures).toEqual([]);
  }, 1_800_000);
});
