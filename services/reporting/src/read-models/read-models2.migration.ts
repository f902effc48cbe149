import { MigrationInterface, QueryRunner } from 'typeorm';

/** Read models of commitments and activities, alerts raised once per item and period, reports. */
export class ReportingModels1732100000800 implements MigrationInterface {
  name = 'ReportingModels1732100000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE rm_commitments (
      id uuid PRIMARY KEY, programme_id uuid NOT NULL, plan_id uuid NOT NULL, area_id uuid, area_title jsonb,
      institution_id uuid NOT NULL, number int NOT NULL, title jsonb NOT NULL, start_date date, end_date date,
      progress numeric(5,2) NOT NULL DEFAULT 0, completion_level text NOT NULL DEFAULT 'not_started',
      last_report_at timestamptz, last_results jsonb, updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX rm_commitments_plan_idx ON rm_commitments (plan_id)`);
    await q.query(`CREATE TABLE rm_activities (
      id uuid PRIMARY KEY, commitment_id uuid NOT NULL, title jsonb, end_date date NOT NULL,
      progress numeric(5,2) NOT NULL DEFAULT 0, removed boolean NOT NULL DEFAULT false)`);
    await q.query(
      `CREATE INDEX rm_activities_due_idx ON rm_activities (end_date) WHERE NOT removed AND progress < 100`,
    );
    await q.query(`CREATE INDEX rm_activities_commitment_idx ON rm_activities (commitment_id)`);
    await q.query(`CREATE TABLE rm_progress_reports (
      id uuid PRIMARY KEY, commitment_id uuid NOT NULL, activity_id uuid NOT NULL, progress numeric(5,2) NOT NULL,
      reported_on date NOT NULL, results jsonb, received_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `CREATE TABLE rm_ideas (id uuid PRIMARY KEY, cycle_id uuid NOT NULL, author_id uuid, status text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`,
    );
    await q.query(
      `CREATE TABLE rm_registrations (code text PRIMARY KEY, workshop_id uuid NOT NULL, user_id uuid NOT NULL, status text NOT NULL)`,
    );
    await q.query(`CREATE TABLE programme_settings (
      programme_id uuid PRIMARY KEY, deadline_notice_days int NOT NULL DEFAULT 14 CHECK (deadline_notice_days BETWEEN 0 AND 180),
      escalation_days int NOT NULL DEFAULT 14 CHECK (escalation_days BETWEEN 1 AND 365),
      reporting_period_days int NOT NULL DEFAULT 60 CHECK (reporting_period_days BETWEEN 7 AND 366))`);
    await q.query(`CREATE TABLE alerts (
      id uuid PRIMARY KEY, kind text NOT NULL, item_id uuid NOT NULL, programme_id uuid NOT NULL, period_key text NOT NULL,
      raised_at timestamptz NOT NULL DEFAULT now(), UNIQUE (kind, item_id, period_key))`);
    await q.query(`CREATE TABLE reports (
      id uuid PRIMARY KEY, kind text NOT NULL, format text NOT NULL, params jsonb NOT NULL, status text NOT NULL DEFAULT 'queued',
      progress int NOT NULL DEFAULT 0, size int, error text, content_type text, file_name text, created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(), finished_at timestamptz)`);
    await q.query(
      `CREATE TABLE report_chunks (report_id uuid NOT NULL REFERENCES reports(id) ON DELETE CASCADE, idx int NOT NULL, data bytea NOT NULL, PRIMARY KEY (report_id, idx))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'report_chunks',
      'reports',
      'alerts',
      'programme_settings',
      'rm_registrations',
      'rm_ideas',
      'rm_progress_reports',
      'rm_activities',
      'rm_commitments',
    ])
      await q.query(`DROP TABLE ${t}`);
  }
}
