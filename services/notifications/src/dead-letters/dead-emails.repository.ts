import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

interface DeadEmailRow {
  id: string;
  subject: string;
  reason: string;
  at: Date;
}

/** E-mails given up after EMAIL_MAX_ATTEMPTS (status 'dead' in the queue). */
@Injectable()
export class DeadEmailsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The latest 500, newest first. */
  latest(): Promise<DeadEmailRow[]> {
    return this.dataSource.query<DeadEmailRow[]>(
      `SELECT id, subject, coalesce(last_error, '') AS reason, created_at AS at FROM email_queue WHERE status = 'dead' ORDER BY created_at DESC LIMIT 500`,
    );
  }

  /** Back to the sending queue, its attempts starting over; false when no dead e-mail has this id. */
  async retry(id: string): Promise<boolean> {
    // An UPDATE answers [rows, affected count].
    const [rows] = await this.dataSource.query<[{ id: string }[], number]>(
      `UPDATE email_queue SET status = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL WHERE id = $1 AND status = 'dead' RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }
}
