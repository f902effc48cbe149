import { Injectable } from '@nestjs/common';
import { NotificationMode } from '@ogp/contracts';
import { DataSource, EntityManager } from 'typeorm';

interface PreferenceRow {
  type: string;
  mode: NotificationMode;
}

/** The modes people chose per notification type (a type they never chose keeps its default). */
@Injectable()
export class PreferencesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async chosen(userId: string): Promise<Map<string, NotificationMode>> {
    const rows = await this.dataSource.query<PreferenceRow[]>(`SELECT type, mode FROM preferences WHERE user_id = $1`, [
      userId,
    ]);
    return new Map(rows.map((r) => [r.type, r.mode]));
  }

  async put(userId: string, type: string, mode: NotificationMode): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO preferences (user_id, type, mode) VALUES ($1, $2, $3) ON CONFLICT (user_id, type) DO UPDATE SET mode = EXCLUDED.mode`,
      [userId, type, mode],
    );
  }

  /** The chosen mode, or null: read in the consumer's transaction. */
  async modeChosen(manager: EntityManager, userId: string, type: string): Promise<NotificationMode | null> {
    const [row] = await manager.query<Pick<PreferenceRow, 'mode'>[]>(
      `SELECT mode FROM preferences WHERE user_id = $1 AND type = $2`,
      [userId, type],
    );
    return row?.mode ?? null;
  }
}
