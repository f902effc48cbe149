import { NestedObject, NestedList } from '../common/validation/nested.validator';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsInstant } from '../common/validation/is-instant.validator';
import { IsOptional } from '../common/validation/is-optional.validator';
import { LocalizedTextDto } from '../common/localized-text.dto';

/** The dated spaces of a co-creation cycle; each accepts input only inside its window. */
export const PHASE_KINDS = [
  'themes',
  'ideas',
  'analysis',
  'drafting',
  'consultation',
  'validation',
  'candidacy',
] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

export class PhaseDto {
  @IsIn(PHASE_KINDS as readonly string[] as string[])
  kind: PhaseKind;

  @IsInstant()
  opensAt: string;

  @IsInstant()
  closesAt: string;
}

export class ThemeDto {
  @IsInt()
  @Min(1)
  @Max(100)
  number: number;

  @NestedObject(() => LocalizedTextDto)
  title: LocalizedTextDto;
}

export class CreateCycleDto {
  @IsUUID()
  programmeId: string;

  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, { context: { rule: 'codeFormat', args: [40] } })
  code: string;

  @NestedObject(() => LocalizedTextDto)
  title: LocalizedTextDto;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PhaseDto)
  phases: PhaseDto[];

  @IsOptional()
  @NestedList(() => ThemeDto, 50)
  themes?: ThemeDto[];
}
