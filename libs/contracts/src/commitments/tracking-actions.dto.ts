import { NestedObject, NestedList } from '../common/validation/nested.validator';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsObject,
  IsString,
  IsUUID,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../common/validation/is-calendar-date.validator';
import { IsNullable } from '../common/validation/is-nullable.validator';
import { IsOptional } from '../common/validation/is-optional.validator';
import { COMPLETION_LEVELS } from './tracking.contract';
import { LocalizedLongTextDto, LocalizedTextDto } from '../common/localized-text.dto';
import { ActivityDto, STRATEGY_KEY } from './card.dto';

export class WeightDto {
  @IsUUID()
  activityId: string;

  /** null clears the weight (it then counts as 1). */
  @IsNullable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1_000_000)
  weight: number | null;
}

export class SetWeightsDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => WeightDto)
  weights: WeightDto[];
}

export class EvidenceLinkDto {
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(2000)
  url: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;
}

/** Evidence files: these types only, and at most EVIDENCE_MAX_BYTES each once decoded. */
export const EVIDENCE_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export const EVIDENCE_MAX_BYTES = 512 * 1024;

export class EvidenceFileDto {
  @IsString()
  @Matches(/^[^\\/:*?"<>|\u0000-\u001f]{1,120}$/, { context: { rule: 'fileNameFormat' } })
  name: string;

  @IsIn(EVIDENCE_TYPES as readonly string[] as string[])
  type: string;

  /** The file's bytes in base64. */
  @IsString()
  @MaxLength(Math.ceil((EVIDENCE_MAX_BYTES * 4) / 3) + 4)
  @Matches(/^[A-Za-z0-9+/]*={0,2}$/, { context: { rule: 'base64Format' } })
  content: string;
}

export class ReportProgressDto {
  @IsUUID()
  activityId: string;

  /** Percentage complete; give this or `done`. */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  progress?: number;

  @IsOptional()
  @IsBoolean()
  done?: boolean;

  @IsCalendarDate()
  reportedOn: string;

  @IsOptional()
  @NestedObject(() => LocalizedLongTextDto)
  results?: LocalizedLongTextDto;

  @IsOptional()
  @NestedList(() => EvidenceLinkDto, 10)
  evidence?: EvidenceLinkDto[];

  @IsOptional()
  @NestedList(() => EvidenceFileDto, 1)
  files?: EvidenceFileDto[];
}

export class IndicatorValueDto {
  @IsUUID()
  indicatorId: string;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  current: number;

  /** Left out: unchanged. */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  baseline?: number;

  /** Left out: unchanged. */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  target?: number;
}

export class CommunicationDto {
  @IsIn(['press', 'social_media', 'event', 'publication', 'other'])
  kind: string;

  @NestedObject(() => LocalizedTextDto)
  title: LocalizedTextDto;

  @IsCalendarDate()
  happenedOn: string;

  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(2000)
  link?: string;
}

export class RaiseBlockerDto {
  @IsString()
  @Length(3, 200)
  title: string;

  @IsString()
  @Length(3, 5000)
  description: string;
}

export class AnswerBlockerDto {
  @IsString()
  @Length(3, 5000)
  answer: string;
}

export class OverrideLevelDto {
  /** null removes the override: the level is derived again. */
  @IsNullable()
  @IsIn(COMPLETION_LEVELS as readonly string[] as string[])
  level: string | null;

  @IsString()
  @Length(5, 1000)
  reason: string;
}

export class SetStrategyDto {
  @IsIn(['programme', 'institution', 'commitment'])
  target: 'programme' | 'institution' | 'commitment';

  @IsUUID()
  id: string;

  /** null clears this level's choice (the next level's applies). */
  @IsNullable()
  @Matches(STRATEGY_KEY, { context: { rule: 'strategyFormat' } })
  strategy: string | null;
}

export class ManualLevelDto {
  @IsIn(COMPLETION_LEVELS as readonly string[] as string[])
  level: string;
}

/** An activity added to an existing commitment. */
export class AddActivityDto extends ActivityDto {}
