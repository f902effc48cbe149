import { IsIn, IsUUID } from 'class-validator';

const CYCLE_FILES = ['ideas', 'statistics'].flatMap((d) => ['csv', 'json', 'xlsx'].map((f) => `${d}.${f}`));

export class CycleFileParams {
  @IsUUID()
  id: string;

  /** The dataset and its format. */
  @IsIn(CYCLE_FILES)
  file: string;
}
