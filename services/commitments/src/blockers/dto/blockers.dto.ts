import { AnswerBlockerDto, RaiseBlockerDto } from '@ogp/contracts';
import { IsUUID } from 'class-validator';

export class RaiseBlockerCmd extends RaiseBlockerDto {
  @IsUUID()
  commitmentId: string;
}

export class AnswerBlockerCmd extends AnswerBlockerDto {
  @IsUUID()
  blockerId: string;
}

export class BlockerIdDto {
  @IsUUID()
  blockerId: string;
}
