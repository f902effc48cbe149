import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsString,
  IsUUID,
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
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
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
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
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
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLongTextDto)
  description?: LocalizedLongTextDto;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLongTextDto)
  goal?: LocalizedLongTextDto;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLongTextDto)
  expectedResults?: LocalizedLongTextDto;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLongTextDto)
  problem?: LocalizedLongTextDto;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedLongTextDto)
  solution?: LocalizedLongTextDto;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
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
  @IsObject()
  @ValidateNested()
  @Type(() => ContactDto)
  contact?: ContactDto;
}

/** What a commitment says of itself, however it names its area and institutions. */
export class CommitmentBodyDto extends CardFieldsDto {
  @IsInt()
  @Min(1)
  @Max(10000)
  number: number;

  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
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
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ActivityDto)
  activities?: ActivityDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => IndicatorDto)
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
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
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
