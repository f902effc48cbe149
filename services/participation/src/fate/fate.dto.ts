import { BulkFateStepDto, FateStepDto, IdeaTriageQueryDto, IsOptional } from '@ogp/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

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
export class TriageListDto extends IdeaTriageQueryDto {
  @IsUUID()
  cycleId: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
