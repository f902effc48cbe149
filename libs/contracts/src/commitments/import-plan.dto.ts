import { NestedObject, NestedList } from '../common/validation/nested.validator';
import { ArrayMaxSize, IsArray, IsString, Matches, MaxLength } from 'class-validator';
import { IsOptional } from '../common/validation/is-optional.validator';
import { LocalizedTextDto } from '../common/localized-text.dto';
import { CommitmentBodyDto } from './card.dto';
import { CreateInstitutionDto, PlanHeaderDto } from './structure.dto';

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

export class ImportAreaDto {
  @Matches(CODE, { context: { rule: 'codeFormat', args: [40] } })
  code: string;

  @NestedObject(() => LocalizedTextDto)
  title: LocalizedTextDto;
}

/** A commitment in an import file: its area and institutions by code. */
export class ImportCommitmentDto extends CommitmentBodyDto {
  @Matches(CODE, { context: { rule: 'codeFormat', args: [40] } })
  areaCode: string;

  @Matches(CODE, { context: { rule: 'codeFormat', args: [40] } })
  leadInstitutionCode: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(CODE, { each: true, context: { rule: 'codeFormat', args: [40] } })
  supportingInstitutionCodes?: string[];
}

/**
 * A whole plan in one file (documented in docs/plan-import.md). Imported all or nothing.
 * `csv`, when given, replaces `areas`/`commitments` with rows in the documented CSV layout.
 */
export class ImportPlanDto {
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, { context: { rule: 'codeFormat', args: [32] } })
  programmeCode: string;

  @NestedObject(() => PlanHeaderDto)
  plan: PlanHeaderDto;

  @IsOptional()
  @NestedList(() => CreateInstitutionDto, 200)
  institutions?: CreateInstitutionDto[];

  @IsOptional()
  @NestedList(() => ImportAreaDto, 50)
  areas?: ImportAreaDto[];

  @IsOptional()
  @NestedList(() => ImportCommitmentDto, 2000)
  commitments?: ImportCommitmentDto[];

  @IsOptional()
  @IsString()
  @MaxLength(900_000)
  csv?: string;
}
