import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { IsOptional, LANGUAGES, Language } from '@ogp/contracts';

export class UpdateProfileDto {
  @ApiProperty({ required: false, example: 'أمينة' })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  displayName?: string;

  @ApiProperty({
    required: false,
    enum: LANGUAGES,
    description: 'The language of e-mails and of the portal once logged in.',
  })
  @IsOptional()
  @IsIn(LANGUAGES as readonly string[] as string[])
  language?: Language;
}
