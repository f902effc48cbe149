import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, Length, MaxLength } from 'class-validator';
import { IsOptional, LANGUAGES, Language } from '@ogp/contracts';
import { SELF_REGISTERED_ROLES } from '@ogp/auth';
import { NewPasswordField } from './new-password.decorator';

export class RegisterDto {
  @ApiProperty({ example: 'amina@example.ma' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @NewPasswordField()
  password: string;

  @ApiProperty({ example: 'أمينة' })
  @IsString()
  @Length(1, 120)
  displayName: string;

  @ApiProperty({ enum: SELF_REGISTERED_ROLES })
  @IsIn(SELF_REGISTERED_ROLES as string[])
  role: 'citizen' | 'cso';

  @ApiProperty({ enum: LANGUAGES, required: false })
  @IsOptional()
  @IsIn(LANGUAGES as readonly string[] as string[])
  language?: Language;
}
