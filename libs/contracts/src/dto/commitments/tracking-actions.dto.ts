import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNumber, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { COMPLETION_LEVELS } from '../../tracking.contract';
import { LocalizedLongTextDto, LocalizedTextDto } from '../localized-text.dto';
import { ActivityDto, ISO_DATE, STRATEGY_KEY } from './card.dto';

export class WeightDto {
  @IsUUID()
  activityId: string;

  /** null clears the weight (it then counts as 1). */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1_000_000)
  weight: number | null;
}

export class SetWeightsDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
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

  @Matches(ISO_DATE, { message: 'reportedOn must be a date YYYY-MM-DD' })
  reportedOn: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedLongTextDto)
  results?: LocalizedLongTextDto;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => EvidenceLinkDto)
  evidence?: EvidenceLinkDto[];
}

export class IndicatorValueDto {
  @IsUUID()
  indicatorId: string;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  current: number;
}

export class CommunicationDto {
  @IsIn(['press', 'social_media', 'event', 'publication', 'other'])
  kind: string;

  @ValidateNested()
  @Type(() => LocalizedTextDto)
  title: LocalizedTextDto;

  @Matches(ISO_DATE, { message: 'happenedOn must be a date YYYY-MM-DD' })
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
  @IsOptional()
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
  @IsOptional()
  @Matches(STRATEGY_KEY)
  strategy: string | null;
}

export class ManualLevelDto {
  @IsIn(COMPLETION_LEVELS as readonly string[] as string[])
  level: string;
}

/** An activity added to an existing commitment. */
export class AddActivityDto extends ActivityDto {}
