import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plans, areas and commitment cards with their activities, progress reports, indicators,
 * communication activities and blockers. Progress rolls up by deltas (plan and area keep a
 * weighted sum), so a report costs the size of its commitment, not of its plan.
 */
export class Plans1732100000500 implements MigrationInterface {
  name = 'Plans1732100000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programmes
      ADD COLUMN tracking_strategy text,
      ADD COLUMN reporting_period_days int NOT NULL DEFAULT 60 CHECK (reporting_period_days BETWEEN 7 AND 366),
      ADD COLUMN deadline_notice_days int NOT NULL DEFAULT 14 CHECK (deadline_notice_days BETWEEN 0 AND 180)`);
    await q.query(`CREATE TABLE institutions (
      id uuid PRIMARY KEY,
      code text NOT NULL UNIQUE,
      kind text NOT NULL CHECK (kind IN ('ministry','agency','council','parliament','region','other')),
      name jsonb NOT NULL,
      tracking_strategy text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE plans (
      id uuid PRIMARY KEY,
      programme_id uuid NOT NULL REFERENCES programmes(id),
      code text NOT NULL,
      title jsonb NOT NULL,
      start_date date NOT NULL,
      end_date date NOT NULL CHECK (end_date >= start_date),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','adopted','in_implementation','closed')),
      progress_sum numeric NOT NULL DEFAULT 0,
      weight_sum numeric NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (programme_id, code)
    )`);
    await q.query(`CREATE TABLE areas (
      id uuid PRIMARY KEY,
      plan_id uuid NOT NULL REFERENCES plans(id),
      code text NOT NULL,
      title jsonb NOT NULL,
      position int NOT NULL DEFAULT 0,
      progress_sum numeric NOT NULL DEFAULT 0,
      weight_sum numeric NOT NULL DEFAULT 0,
      UNIQUE (plan_id, code)
    )`);
    await q.query(`CREATE TABLE commitments (
      id uuid PRIMARY KEY,
      plan_id uuid NOT NULL REFERENCES plans(id),
      area_id uuid NOT NULL REFERENCES areas(id),
      number int NOT NULL CHECK (number > 0),
      title jsonb NOT NULL,
      start_date date NOT NULL,
      end_date date NOT NULL CHECK (end_date >= start_date),
      card jsonb NOT NULL DEFAULT '{}'::jsonb,
      ogp_values text[] NOT NULL DEFAULT '{}',
      lead_institution_id uuid NOT NULL REFERENCES institutions(id),
      supporting_institution_ids uuid[] NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','withdrawn')),
      tracking_strategy text,
      rollup_weight numeric NOT NULL DEFAULT 1 CHECK (rollup_weight >= 0),
      progress numeric(5,2) NOT NULL DEFAULT 0,
      completion_level text NOT NULL DEFAULT 'not_started',
      manual_level text,
      level_override jsonb,
      progress_explanation text,
      progress_stale boolean NOT NULL DEFAULT false,
      stale_reason text,
      progress_updated_at timestamptz,
      last_report_at timestamptz,
      search_text text NOT NULL DEFAULT '',
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (plan_id, number)
    )`);
    await q.query(`CREATE INDEX commitments_area_idx ON commitments (area_id)`);
    await q.query(`CREATE INDEX commitments_institution_idx ON commitments (lead_institution_id)`);
    await q.query(`CREATE TABLE activities (
      id uuid PRIMARY KEY,
      commitment_id uuid NOT NULL REFERENCES commitments(id),
      position int NOT NULL DEFAULT 0,
      title jsonb NOT NULL,
      start_date date NOT NULL,
      end_date date NOT NULL CHECK (end_date >= start_date),
      weight numeric CHECK (weight >= 0),
      responsible text,
      status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started','in_progress','completed')),
      progress numeric(5,2) NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
      removed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX activities_commitment_idx ON activities (commitment_id) WHERE removed_at IS NULL`);
    await q.query(
      `CREATE INDEX activities_due_idx ON activities (end_date) WHERE removed_at IS NULL AND status <> 'completed'`,
    );
    await q.query(`CREATE TABLE progress_reports (
      id uuid PRIMARY KEY,
      commitment_id uuid NOT NULL REFERENCES commitments(id),
      activity_id uuid NOT NULL REFERENCES activities(id),
      seq bigserial NOT NULL,
      progress numeric(5,2) NOT NULL CHECK (progress BETWEEN 0 AND 100),
      reported_on date NOT NULL,
      results jsonb,
      evidence jsonb NOT NULL DEFAULT '[]'::jsonb,
      reported_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX progress_reports_activity_idx ON progress_reports (activity_id, seq DESC)`);
    await q.query(`CREATE INDEX progress_reports_commitment_idx ON progress_reports (commitment_id, created_at DESC)`);
    await q.query(`CREATE TABLE evidence_files (
      id uuid PRIMARY KEY,
      report_id uuid NOT NULL REFERENCES progress_reports(id),
      name text NOT NULL,
      type text NOT NULL,
      size int NOT NULL CHECK (size > 0 AND size <= 524288),
      sha256 text NOT NULL,
      content bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE indicators (
      id uuid PRIMARY KEY,
      commitment_id uuid NOT NULL REFERENCES commitments(id),
      position int NOT NULL DEFAULT 0,
      title jsonb NOT NULL,
      unit text,
      baseline numeric NOT NULL,
      target numeric NOT NULL,
      current numeric,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX indicators_commitment_idx ON indicators (commitment_id)`);
    await q.query(`CREATE TABLE communication_activities (
      id uuid PRIMARY KEY,
      commitment_id uuid NOT NULL REFERENCES commitments(id),
      kind text NOT NULL CHECK (kind IN ('press','social_media','event','publication','other')),
      title jsonb NOT NULL,
      happened_on date NOT NULL,
      link text,
      reported_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE blockers (
      id uuid PRIMARY KEY,
      commitment_id uuid NOT NULL REFERENCES commitments(id),
      title text NOT NULL,
      description text NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','answered','closed')),
      raised_by uuid NOT NULL,
      raised_at timestamptz NOT NULL DEFAULT now(),
      answer text,
      answered_by uuid,
      answered_at timestamptz,
      closed_at timestamptz
    )`);
    await q.query(`CREATE INDEX blockers_status_idx ON blockers (status, raised_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'blockers',
      'communication_activities',
      'indicators',
      'evidence_files',
      'progress_reports',
      'activities',
      'commitments',
      'areas',
      'plans',
      'institutions',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(
      `ALTER TABLE programmes DROP COLUMN tracking_strategy, DROP COLUMN reporting_period_days, DROP COLUMN deadline_notice_days`,
    );
  }
}
