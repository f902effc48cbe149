import { IsIn, IsUUID } from 'class-validator';
import { PageQueryDto } from '../common/page-query.dto';
import { IsOptional } from '../common/validation/is-optional.validator';

/** A page of blockers, by status and commitment when given. */
export class BlockerQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(['open', 'answered', 'closed'])
  status?: string;

  @IsOptional()
  @IsUUID()
  commitmentId?: string;
}
