import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';

/** The keyset of the last row of the previous page. */
export class OpenIdeasAfterDto {
  @IsString()
  @MaxLength(40)
  submittedAt: string;

  @IsUUID()
  id: string;
}

export class OpenIdeasCycleDto {
  @IsUUID()
  cycleId: string;
}

export class OpenIdeasPageDto extends OpenIdeasCycleDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => OpenIdeasAfterDto)
  after?: OpenIdeasAfterDto;

  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number;
}
