import { NestedObject } from '../common/validation/nested.validator';
import { IsIn, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../common/validation/is-calendar-date.validator';
import { IsOptional } from '../common/validation/is-optional.validator';
import { COMPLETION_LEVELS } from './tracking.contract';
import { PageQueryDto } from '../common/page-query.dto';
import { LocalizedTextDto } from '../common/localized-text.dto';
import { STRATEGY_KEY } from './card.dto';

export const INSTITUTION_KINDS = ['ministry', 'agency', 'council', 'parliament', 'region', 'other'] as const;
export const PLAN_STATUSES = ['draft', 'adopted', 'in_implementation', 'closed'] as const;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

export class CreateInstitutionDto {
  @Matches(CODE, { context: { rule: 'codeFormat', args: [40] } })
  code: string;

  @IsIn(INSTITUTION_KINDS as readonly string[] as string[])
  kind: string;

  @NestedObject(() => LocalizedTextDto)
  name: LocalizedTextDto;

  @IsOptional()
  @Matches(STRATEGY_KEY, { context: { rule: 'strategyFormat' } })
  trackingStrategy?: string;
}

/** A plan's own fields, in an import file and when created. */
export class PlanHeaderDto {
  @Matches(CODE, { context: { rule: 'codeFormat', args: [40] } })
  code: string;

  @NestedObject(() => LocalizedTextDto)
  title: LocalizedTextDto;

  @IsCalendarDate()
  startDate: string;

  @IsCalendarDate()
  endDate: string;

  @IsOptional()
  @IsIn(PLAN_STATUSES as readonly string[] as string[])
  status?: string;
}

export class CreatePlanDto extends PlanHeaderDto {
  @IsUUID()
  programmeId: string;
}

export class CreateAreaDto {
  @IsUUID()
  planId: string;

  @Matches(CODE, { context: { rule: 'codeFormat', args: [40] } })
  code: string;

  @NestedObject(() => LocalizedTextDto)
  title: LocalizedTextDto;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  position?: number;
}

export class CommitmentQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  planId?: string;

  @IsOptional()
  @IsUUID()
  areaId?: string;

  @IsOptional()
  @IsUUID()
  institutionId?: string;

  @IsOptional()
  @IsIn(['active', 'withdrawn', 'overdue', 'late', 'on_track'])
  status?: string;

  @IsOptional()
  @IsIn(COMPLETION_LEVELS as readonly string[] as string[])
  completionLevel?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
