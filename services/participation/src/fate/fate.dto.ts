import { BulkFateStepDto, FateStepDto, TriageQueryDto } from '@ogp/contracts';
import { IsUUID } from 'class-validator';

/** One fate step for one idea. */
export class FateStepCommandDto extends FateStepDto {
  @IsUUID()
  ideaId: string;
}

/** One fate step for a selection of a cycle's ideas. */
export class BulkFateCommandDto extends BulkFateStepDto {
  @IsUUID()
  cycleId: string;
}

/** The triage list of a cycle, a page at a time. */
export class TriageListDto extends TriageQueryDto {
  @IsUUID()
  cycleId: string;
}
