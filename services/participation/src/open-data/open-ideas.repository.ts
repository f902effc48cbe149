import { Injectable } from '@nestjs/common';
import { DatasetVersion, Localized, OpenIdeaRow } from '@ogp/contracts';
import { DataSource } from 'typeorm';

/** An idea is public unless hidden by moderation; its fate once published. Authors never leave. */
const VISIBLE = `i.cycle_id = $1 AND i.hidden_at IS NULL`;
const FATE = `CASE WHEN i.published_at IS NOT NULL THEN i.status END`;

/** The cycle's ideas as open data publishes them: only what the public idea page shows. */
@Injectable()
export class OpenIdeasRepository {
  constructor(private readonly dataSource: DataSource) {}

  async page(
    cycleId: string,
    after: { submittedAt: string; id: string } | undefined,
    limit: number,
  ): Promise<(OpenIdeaRow & { submittedAt: string })[]> {
    const params: unknown[] = [cycleId, limit];
    let keyset = '';
    if (after) {
      params.push(after.submittedAt, after.id);
      keyset = `AND (i.created_at, i.id) > ($3::timestamptz, $4::uuid)`;
    }
    const rows = await this.dataSource.query<
      {
        id: string;
        theme_number: number;
        theme_title: Localized;
        channel: 'portal' | 'workshop';
        workshop_number: number | null;
        title: string;
        body: string;
        institution: string | null;
        submitted_at: string;
        submitted_on: string;
        supports: number;
        fate: string | null;
        explanation: string | null;
        published_on: string | null;
        draft_number: number | null;
      }[]
    >(
      `SELECT i.id, t.number AS theme_number, t.title AS theme_title, i.channel, w.number AS workshop_number, i.title, i.body, i.institution,
              i.created_at::text AS submitted_at, (i.created_at AT TIME ZONE 'UTC')::date::text AS submitted_on,
              (SELECT count(*)::int FROM idea_supports s WHERE s.idea_id = i.id) AS supports,
              ${FATE} AS fate, CASE WHEN i.published_at IS NOT NULL THEN i.explanation END AS explanation,
              (i.published_at AT TIME ZONE 'UTC')::date::text AS published_on, CASE WHEN i.published_at IS NOT NULL THEN d.number END AS draft_number
         FROM ideas i JOIN themes t ON t.id = i.theme_id LEFT JOIN workshops w ON w.id = i.workshop_id LEFT JOIN draft_commitments d ON d.id = i.draft_commitment_id
        WHERE ${VISIBLE} ${keyset}
        ORDER BY i.created_at, i.id LIMIT $2`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      themeNumber: r.theme_number,
      themeTitle: r.theme_title,
      channel: r.channel,
      workshopNumber: r.workshop_number,
      title: r.title,
      body: r.body,
      institution: r.institution,
      submittedAt: r.submitted_at,
      submittedOn: r.submitted_on,
      supports: r.supports,
      fate: r.fate,
      fateExplanation: r.explanation,
      fatePublishedOn: r.published_on,
      draftCommitmentNumber: r.draft_number,
    }));
  }

  /** A digest of everything the rows show: equal digests, equal files. */
  async version(cycleId: string): Promise<DatasetVersion> {
    const [row] = await this.dataSource.query<{ version: string; rows: number; updated_at: Date | string | null }[]>(
      `SELECT md5(coalesce(string_agg(concat_ws('|', i.id, i.theme_id, i.workshop_id, i.title, i.body, i.institution, ${FATE}, i.explanation, i.published_at, i.draft_commitment_id,
                    (SELECT count(*) FROM idea_supports s WHERE s.idea_id = i.id)), ',' ORDER BY i.id) FILTER (WHERE i.hidden_at IS NULL), '')) AS version,
              count(*) FILTER (WHERE i.hidden_at IS NULL)::int AS rows,
              greatest(max(i.created_at), max(i.published_at), max(i.hidden_at), (SELECT max(s.at) FROM idea_supports s JOIN ideas x ON x.id = s.idea_id WHERE x.cycle_id = $1)) AS updated_at
         FROM ideas i WHERE i.cycle_id = $1`,
      [cycleId],
    );
    return {
      version: row.version,
      rows: row.rows,
      updatedAt: row.updated_at ? new Date(row.updated_at).toISOString() : null,
    };
  }
}
