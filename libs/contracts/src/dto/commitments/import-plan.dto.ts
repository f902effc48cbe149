import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LocalizedTextDto } from '../localized-text.dto';
import { CardFieldsDto, ActivityDto, IndicatorDto, ISO_DATE, OGP_VALUES, STRATEGY_KEY } from './card.dto';
import { CreateInstitutionDto, PLAN_STATUSES } from './structure.dto';

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

export class ImportPlanHeaderDto {
  @Matches(CODE)
  code: string;

  @ValidateNested()
  @Type(() => LocalizedTextDto)
  title: LocalizedTextDto;

  @Matches(ISO_DATE, { message: 'startDate must be a date YYYY-MM-DD' })
  startDate: string;

  @Matches(ISO_DATE, { message: 'endDate must be a date YYYY-MM-DD' })
  endDate: string;

  @IsOptional()
  @IsIn(PLAN_STATUSES as readonly string[] as string[])
  status?: string;
}

export class ImportAreaDto {
  @Matches(CODE)
  code: string;

  @ValidateNested()
  @Type(() => LocalizedTextDto)
  title: LocalizedTextDto;
}

export class ImportCommitmentDto extends CardFieldsDto {
  @IsInt()
  @Min(1)
  @Max(10000)
  number: number;

  @Matches(CODE)
  areaCode: string;

  @ValidateNested()
  @Type(() => LocalizedTextDto)
  title: LocalizedTextDto;

  @Matches(ISO_DATE, { message: 'startDate must be a date YYYY-MM-DD' })
  startDate: string;

  @Matches(ISO_DATE, { message: 'endDate must be a date YYYY-MM-DD' })
  endDate: string;

  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(OGP_VALUES as readonly string[] as string[], { each: true })
  ogpValues: string[];

  @Matches(CODE)
  leadInstitutionCode: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(CODE, { each: true })
  supportingInstitutionCodes?: string[];

  @IsOptional()
  @Matches(STRATEGY_KEY)
  trackingStrategy?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ActivityDto)
  activities?: ActivityDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => IndicatorDto)
  indicators?: IndicatorDto[];
}

/**
 * A whole plan in one file (documented in docs/plan-import.md). Imported all or nothing.
 * `csv`, when given, replaces `areas`/`commitments` with rows in the documented CSV layout.
 */
export class ImportPlanDto {
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/)
  programmeCode: string;

  @ValidateNested()
  @Type(() => ImportPlanHeaderDto)
  plan: ImportPlanHeaderDto;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CreateInstitutionDto)
  institutions?: CreateInstitutionDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ImportAreaDto)
  areas?: ImportAreaDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => ImportCommitmentDto)
  commitments?: ImportCommitmentDto[];

  @IsOptional()
  @IsString()
  @MaxLength(900_000)
  csv?: string;
}
