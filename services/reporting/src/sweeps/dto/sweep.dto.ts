import { IsIn } from 'class-validator';
import { SWEEP_KINDS, SweepKind } from '../sweep-kind';

export class SweepDto {
  @IsIn(SWEEP_KINDS)
  kind: SweepKind;
}
