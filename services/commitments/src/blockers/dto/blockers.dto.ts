import { AnswerBlockerDto, PageQueryDto, RaiseBlockerDto } from '@ogp/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

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

export class BlockerQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(['open', 'answered', 'closed'])
  status?: string;

  @IsOptional()
  @IsUUID()
  commitmentId?: string;
}
