import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { IndicatorDto } from '@ogp/contracts';
import { EntityManager } from 'typeorm';

export interface IndicatorFigures {
  current: number | null;
  baseline: number;
  target: number;
}

/** The indicators table: what a commitment measures, against a baseline and a target. */
@Injectable()
export class IndicatorsRepository {
  async insertMany(m: EntityManager, commitmentId: string, indicators: IndicatorDto[]): Promise<void> {
    for (const [position, ind] of indicators.entries()) {
      await m.query(
        `INSERT INTO indicators (id, commitment_id, position, title, unit, baseline, target, current) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          randomUUID(),
          commitmentId,
          position,
          JSON.stringify(ind.title),
          ind.unit ?? null,
          ind.baseline,
          ind.target,
          ind.current ?? null,
        ],
      );
    }
  }

  async figuresOf(m: EntityManager, commitmentId: string, indicatorId: string): Promise<IndicatorFigures | undefined> {
    const [row] = await m.query<IndicatorFigures[]>(
      `SELECT current::float8 AS current, baseline::float8 AS baseline, target::float8 AS target FROM indicators WHERE id = $1 AND commitment_id = $2`,
      [indicatorId, commitmentId],
    );
    return row;
  }

  async setFigures(m: EntityManager, indicatorId: string, figures: IndicatorFigures): Promise<void> {
    await m.query(`UPDATE indicators SET current = $2, baseline = $3, target = $4, updated_at = now() WHERE id = $1`, [
      indicatorId,
      figures.current,
      figures.baseline,
      figures.target,
    ]);
  }
}
