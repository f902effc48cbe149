import { IsIn, IsUUID } from 'class-validator';

const PLAN_FILES = ['commitments', 'activities'].flatMap((d) => ['csv', 'json', 'xlsx'].map((f) => `${d}.${f}`));

export class PlanFileParams {
  @IsUUID()
  id: string;

  /** The dataset and its format. */
  @IsIn(PLAN_FILES)
  file: string;
}
