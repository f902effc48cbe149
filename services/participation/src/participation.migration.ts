import { MigrationInterface, QueryRunner } from 'typeorm';

export class Participation1732100000600 implements MigrationInterface {
  name = 'Participation1732100000600';

  async up(q: QueryRunner): Promise<void> {
    // pg_trgm lives in public, shared by every schema: created once, under a database-wide lock,
    // and never inside a service schema (dropping that schema would take it away from the others).
    await q.query(`SELECT pg_advisory_xact_lock(hashtext('extension:pg_trgm'))`);
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE EXTENSION pg_trgm WITH SCHEMA public;
      ELSIF (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm') <> 'public' THEN
        ALTER EXTENSION pg_trgm SET SCHEMA public;
      END IF;
    END $$`);
    await q.query(`CREATE TABLE cycles (
      id uuid PRIMARY KEY, programme_id uuid NOT NULL, code text NOT NULL UNIQUE, title jsonb NOT NULL,
      created_by uuid, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE phases (
      cycle_id uuid NOT NULL REFERENCES cycles(id), kind text NOT NULL,
      opens_at timestamptz NOT NULL, closes_at timestamptz NOT NULL CHECK (closes_at > opens_at),
      PRIMARY KEY (cycle_id, kind))`);
    await q.query(`CREATE TABLE themes (
      id uuid PRIMARY KEY, cycle_id uuid NOT NULL REFERENCES cycles(id), number int NOT NULL, title jsonb NOT NULL,
      UNIQUE (cycle_id, number))`);
    await q.query(`CREATE TABLE workshops (
      id uuid PRIMARY KEY, cycle_id uuid NOT NULL REFERENCES cycles(id), theme_id uuid NOT NULL REFERENCES themes(id),
      number int NOT NULL, title jsonb NOT NULL, organiser text NOT NULL, institutions text[] NOT NULL DEFAULT '{}',
      starts_at timestamptz NOT NULL, registration_opens_at timestamptz NOT NULL, registration_closes_at timestamptz NOT NULL,
      capacity int NOT NULL CHECK (capacity > 0), confirmed int NOT NULL DEFAULT 0 CHECK (confirmed >= 0 AND confirmed <= capacity),
      agenda jsonb NOT NULL DEFAULT '[]'::jsonb, problems jsonb NOT NULL DEFAULT '[]'::jsonb,
      report_url text, recording_url text, UNIQUE (cycle_id, number))`);
    await q.query(`CREATE TABLE registrations (
      id uuid PRIMARY KEY, workshop_id uuid NOT NULL REFERENCES workshops(id), user_id uuid NOT NULL,
      code text NOT NULL UNIQUE, status text NOT NULL CHECK (status IN ('confirmed','cancelled')),
      attended boolean NOT NULL DEFAULT false, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `CREATE UNIQUE INDEX registrations_one_live_idx ON registrations (workshop_id, user_id) WHERE status = 'confirmed'`,
    );
    await q.query(`CREATE TABLE draft_commitments (
      id uuid PRIMARY KEY, cycle_id uuid NOT NULL REFERENCES cycles(id), number int NOT NULL, title jsonb NOT NULL,
      institution text NOT NULL, UNIQUE (cycle_id, number))`);
    await q.query(`CREATE TABLE ideas (
      id uuid PRIMARY KEY, cycle_id uuid NOT NULL REFERENCES cycles(id), theme_id uuid NOT NULL REFERENCES themes(id),
      channel text NOT NULL CHECK (channel IN ('portal','workshop')), workshop_id uuid REFERENCES workshops(id),
      title text NOT NULL, body text NOT NULL, institution text, author_id uuid, anonymous boolean NOT NULL DEFAULT false,
      status text NOT NULL DEFAULT 'received', rejection_reason text, explanation text, draft_commitment_id uuid REFERENCES draft_commitments(id),
      published_at timestamptz, hidden_at timestamptz, hidden_reason text, hidden_by uuid, reports int NOT NULL DEFAULT 0,
      search_text text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX ideas_cycle_idx ON ideas (cycle_id, created_at)`);
    await q.query(`CREATE INDEX ideas_author_idx ON ideas (author_id, created_at)`);
    await q.query(
      `CREATE INDEX ideas_search_idx ON ideas USING gin (search_text public.gin_trgm_ops) WITH (fastupdate = off)`,
    );
    await q.query(`CREATE TABLE idea_steps (
      id bigserial PRIMARY KEY, idea_id uuid NOT NULL REFERENCES ideas(id), status text NOT NULL,
      actor_id uuid, explanation text, institution text, at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX idea_steps_idea_idx ON idea_steps (idea_id, id)`);
    await q.query(`CREATE TABLE idea_reports (idea_id uuid NOT NULL REFERENCES ideas(id), reporter_id uuid NOT NULL, reason text NOT NULL,
      at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (idea_id, reporter_id))`);
    await q.query(`CREATE TABLE idea_supports (idea_id uuid NOT NULL REFERENCES ideas(id), user_id uuid NOT NULL,
      at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (idea_id, user_id))`);
    await q.query(`CREATE TABLE comments (
      id uuid PRIMARY KEY, draft_id uuid NOT NULL REFERENCES draft_commitments(id), author_id uuid NOT NULL, body text NOT NULL,
      answer text, answered_by uuid, answered_at timestamptz, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX comments_draft_idx ON comments (draft_id, created_at)`);
    await q.query(`CREATE TABLE candidacies (
      id uuid PRIMARY KEY, cycle_id uuid NOT NULL REFERENCES cycles(id), applicant_id uuid NOT NULL, organisation text NOT NULL,
      statement text NOT NULL, documents jsonb NOT NULL DEFAULT '[]'::jsonb, status text NOT NULL DEFAULT 'submitted'
      CHECK (status IN ('submitted','selected','not_selected')), score int, created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (cycle_id, applicant_id))`);
    await q.query(`CREATE TABLE seats (
      id uuid PRIMARY KEY, sector text NOT NULL CHECK (sector IN ('government','civil_society')), holder text NOT NULL,
      candidacy_id uuid REFERENCES candidacies(id), term_start date NOT NULL, term_end date NOT NULL,
      ended_at timestamptz, end_reason text, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE publications (
      id uuid PRIMARY KEY, kind text NOT NULL, title jsonb NOT NULL, body jsonb NOT NULL, attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published')), published_at timestamptz,
      created_by uuid, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE participation_history (
      id bigserial PRIMARY KEY, entity_type text NOT NULL, entity_id uuid NOT NULL, action text NOT NULL,
      actor_id uuid, before jsonb, after jsonb, at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'participation_history',
      'publications',
      'seats',
      'candidacies',
      'comments',
      'idea_supports',
      'idea_reports',
      'idea_steps',
      'ideas',
      'draft_commitments',
      'registrations',
      'workshops',
      'themes',
      'phases',
      'cycles',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
