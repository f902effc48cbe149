import { NestedObject } from '../common/validation/nested.validator';
import { IsIn, Matches } from 'class-validator';
import { IsOptional } from '../common/validation/is-optional.validator';
import { CreateProgrammeCommand, PROGRAMME_KINDS, ProgrammeKind } from './commitments.contract';
import { LocalizedLongTextDto, LocalizedTextDto } from '../common/localized-text.dto';

/** Validated at the gateway and again by the commitments service. */
export class CreateProgrammeDto implements CreateProgrammeCommand {
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, { context: { rule: 'codeFormat', args: [32] } })
  code: string;

  @IsIn(PROGRAMME_KINDS as readonly string[] as string[])
  kind: ProgrammeKind;

  @NestedObject(() => LocalizedTextDto)
  name: LocalizedTextDto;

  @IsOptional()
  @NestedObject(() => LocalizedLongTextDto)
  description?: LocalizedLongTextDto;
}
