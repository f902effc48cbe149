import { HideIdeaDto, IsOptional, PageQueryDto, ReportIdeaDto } from '@ogp/contracts';
import { IsString, IsUUID, Length } from 'class-validator';

export class IdeaRefDto {
  @IsUUID()
  ideaId: string;
}

/** A cycle's public ideas, of one theme or all. */
export class IdeaListDto extends PageQueryDto {
  @IsUUID()
  cycleId: string;

  @IsOptional()
  @IsUUID()
  themeId?: string;
}

/** Ideas close to a text being written. */
export class SimilarIdeasDto {
  @IsUUID()
  cycleId: string;

  @IsString()
  @Length(1, 2000)
  text: string;
}

export class ReportIdeaCommandDto extends ReportIdeaDto {
  @IsUUID()
  ideaId: string;
}

export class HideIdeaCommandDto extends HideIdeaDto {
  @IsUUID()
  ideaId: string;
}
