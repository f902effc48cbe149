import { IsOptional, PUBLICATION_KINDS } from '@ogp/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';

export class PublicationQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(PUBLICATION_KINDS as readonly string[] as string[])
  kind?: string;

  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  drafts?: boolean;
}
