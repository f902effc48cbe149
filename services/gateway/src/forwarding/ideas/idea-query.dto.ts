import { IsOptional } from '@ogp/contracts';
import { IsUUID } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';

export class IdeaQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  themeId?: string;
}
