import { IsOptional, PageQueryDto, PUBLICATION_KINDS } from '@ogp/contracts';
import { IsBoolean, IsIn } from 'class-validator';

export class PublicationListDto extends PageQueryDto {
  @IsOptional()
  @IsIn(PUBLICATION_KINDS as readonly string[] as string[])
  kind?: string;

  @IsOptional()
  @IsBoolean()
  drafts?: boolean;
}
