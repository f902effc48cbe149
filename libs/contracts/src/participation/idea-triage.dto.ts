import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsUUID } from 'class-validator';
import { PageQueryDto } from '../common/page-query.dto';
import { IsOptional } from '../common/validation/is-optional.validator';
import { FateStepDto } from './idea.dto';

export const FATE_STATUSES = [
  'received',
  'accepted',
  'rejected',
  'grouped',
  'shared',
  'studied',
  'retained',
  'not_retained',
] as const;

/** The same fate step for a selection of ideas of one cycle (at most 100), all or none. */
export class BulkFateStepDto extends FateStepDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ideaIds: string[];
}

/** The coordination team's list of a cycle's ideas: by step, theme, reported or hidden. */
export class IdeaTriageQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(FATE_STATUSES as readonly string[] as string[])
  status?: string;

  @IsOptional()
  @IsUUID()
  themeId?: string;

  /** Only ideas reported at least once and not hidden (the moderation queue). */
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  reported?: boolean;

  /** Only hidden ideas (true), or only visible ones (false); both when absent. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' || value === true ? true : value === 'false' || value === false ? false : value,
  )
  @IsBoolean()
  hidden?: boolean;
}

/** The triage list's filters and page (at most 100 ideas a page), as the gateway reads its query. */
export class TriageQueryDto extends IdeaTriageQueryDto {}
