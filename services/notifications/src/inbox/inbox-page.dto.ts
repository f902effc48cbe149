import { IsBoolean } from 'class-validator';
import { IsOptional, PageQueryDto } from '@ogp/contracts';

export class InboxPageDto extends PageQueryDto {
  @IsOptional()
  @IsBoolean()
  unreadOnly?: boolean;
}
