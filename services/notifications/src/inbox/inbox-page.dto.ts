import { IsBoolean, IsOptional } from 'class-validator';
import { PageQueryDto } from '@ogp/contracts';

export class InboxPageDto extends PageQueryDto {
  @IsOptional()
  @IsBoolean()
  unreadOnly?: boolean;
}
