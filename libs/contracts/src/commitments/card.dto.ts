import { NestedObject, NestedList } from '../common/validation/nested.validator';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCalendarDate } from '../common/validation/is-calendar-date.validator';
import { IsNullable } from '../common/validation/is-nullable.validator';
import { IsOptional } from '../common/validation/is-optional.validator';
import { LocalizedLongTextDto, LocalizedTextDto } from '../common/localized-text.dto';

export const OGP_VALUES = [
  'access_to_information',
  'civic_participation',
  'public_accountability',
  'technology_and_innovation',
] as const;
export const STRATEGY_KEY = /^(remote:)?[a-z0-9][a-z0-9_-]{0,63}$/;

export class ContactDto {
  @IsString()
  @Length(1, 120)
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  department?: string;

  @IsOptional()
  @Matches(/^[+0-9 ()-]{6,30}$/, { context: { rule: 'phoneFormat' } })
  phone?: string;

  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;
}

export class ActivityDto {
  @NestedObject(() => LocalizedTextDto)
  title: LocalizedTextDto;

  @IsCalendarDate()
  startDate: string;

  @IsCalendarDate()
  endDate: string;

  @IsNullable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1_000_000)
  weight?: number | null;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  responsible?: string;
}

export class IndicatorDto {
  @NestedObject(() => LocalizedTextDto)
  title: LocalizedTextDto;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  unit?: string;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  baseline: number;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  target: number;

  @IsNullable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  current?: number | null;
}

/** The fields of the OGP commitment template (seed 002, annex 2) that are not its identity. */
export class CardFieldsDto {
  @IsOptional()
  @NestedObject(() => LocalizedLongTextDto)
  description?: LocalizedLongTextDto;

  @IsOptional()
  @NestedObject(() => LocalizedLongTextDto)
  goal?: LocalizedLongTextDto;

  @IsOptional()
  @NestedObject(() => LocalizedLongTextDto)
  expectedResults?: LocalizedLongTextDto;

  @IsOptional()
  @NestedObject(() => LocalizedLongTextDto)
  problem?: LocalizedLongTextDto;

  @IsOptional()
  @NestedObject(() => LocalizedLongTextDto)
  solution?: LocalizedLongTextDto;

  @IsOptional()
  @NestedObject(() => LocalizedTextDto)
  department?: LocalizedTextDto;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  cost?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  otherProgrammes?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(17)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(17, { each: true })
  sdgs?: number[];

  @IsOptional()
  @NestedObject(() => ContactDto)
  contact?: ContactDto;
}

/** What a commitment says of itself, however it names its area and institutions. */
export class CommitmentBodyDto extends CardFieldsDto {
  @IsInt()
  @Min(1)
  @Max(10000)
  number: number;

  @NestedObject(() => LocalizedTextDto)
  title: LocalizedTextDto;

  @IsCalendarDate()
  startDate: string;

  @IsCalendarDate()
  endDate: string;

  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(OGP_VALUES as readonly string[] as string[], { each: true })
  ogpValues: string[];

  @IsOptional()
  @Matches(STRATEGY_KEY, { context: { rule: 'strategyFormat' } })
  trackingStrategy?: string;

  @IsOptional()
  @NestedList(() => ActivityDto, 200)
  activities?: ActivityDto[];

  @IsOptional()
  @NestedList(() => IndicatorDto, 50)
  indicators?: IndicatorDto[];
}

/** A commitment created in a plan: its area and institutions by id. */
export class CreateCommitmentDto extends CommitmentBodyDto {
  @IsUUID()
  areaId: string;

  @IsUUID()
  leadInstitutionId: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true })
  supportingInstitutionIds?: string[];
}

export class UpdateCommitmentDto extends CardFieldsDto {
  @IsOptional()
  @NestedObject(() => LocalizedTextDto)
  title?: LocalizedTextDto;

  @IsOptional()
  @IsCalendarDate()
  startDate?: string;

  @IsOptional()
  @IsCalendarDate()
  endDate?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(OGP_VALUES as readonly string[] as string[], { each: true })
  ogpValues?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsUUID('all', { each: true })
  supportingInstitutionIds?: string[];
}
