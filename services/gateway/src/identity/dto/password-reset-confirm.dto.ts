import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches, MaxLength } from 'class-validator';

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The token of the link sent by e-mail (base64url).' })
  @IsString()
  @Length(20, 128)
  @Matches(/^[A-Za-z0-9_-]+$/)
  token: string;

  @ApiProperty({
    minLength: 12,
    maxLength: 200,
    description: 'At least 12 characters; not a common password; not containing the e-mail or the name.',
  })
  @IsString()
  @MaxLength(200)
  password: string;
}
