import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({
    minLength: 12,
    maxLength: 200,
    description: 'At least 12 characters; not a common password; not containing the e-mail or the name.',
  })
  @IsString()
  @MaxLength(200)
  newPassword: string;
}
