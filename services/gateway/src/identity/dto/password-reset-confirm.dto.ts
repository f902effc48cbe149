import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { NewPasswordField } from './new-password.decorator';

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The token of the link sent by e-mail (base64url).' })
  @IsString()
  @Length(20, 128)
  @Matches(/^[A-Za-z0-9_-]+$/)
  token: string;

  @NewPasswordField()
  password: string;
}
