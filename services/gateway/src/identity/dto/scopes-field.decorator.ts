import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsOptional } from '@ogp/contracts';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { ScopeDto } from './scope.dto';

/** An account's scopes, optional. */
export const ScopesField = () =>
  // Applied in the order the stacked decorators ran, so the validation schema reads the same.
  applyDecorators(
    Type(() => ScopeDto),
    ValidateNested(),
    IsObject(),
    IsOptional(),
    ApiProperty({ type: ScopeDto, required: false }),
  );
