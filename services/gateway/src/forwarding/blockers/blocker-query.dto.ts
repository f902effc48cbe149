import { IsOptional } from '@ogp/contracts';
import { IsIn, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';

export class BlockerQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(['open', 'answered', 'closed'])
  status?: string;

  @IsOptional()
  @IsUUID()
  commitmentId?: string;
}
