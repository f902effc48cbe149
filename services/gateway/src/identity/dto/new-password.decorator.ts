import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/**
 * A password being set: a string of at most 200 characters here; the policy (length, common
 * passwords, e-mail or name inside) is checked by PasswordPolicy, which knows the account.
 */
export const NewPasswordField = () =>
  // Applied in the order the stacked decorators ran, so the validation schema reads the same.
  applyDecorators(
    MaxLength(200),
    IsString(),
    ApiProperty({
      minLength: 12,
      maxLength: 200,
      description: 'At least 12 characters; not a common password; not containing the e-mail or the name.',
    }),
  );
