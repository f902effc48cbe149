import { CommentAnswerDto, CommentDto, PageQueryDto } from '@ogp/contracts';
import { IsUUID } from 'class-validator';

export class CommentCommandDto extends CommentDto {
  @IsUUID()
  draftId: string;
}

export class CommentListDto extends PageQueryDto {
  @IsUUID()
  draftId: string;
}

export class AnswerCommandDto extends CommentAnswerDto {
  @IsUUID()
  commentId: string;
}

/** A comment's history, a page at a time. */
export class CommentHistoryDto extends PageQueryDto {
  @IsUUID()
  id: string;
}
