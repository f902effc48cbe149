import { ErrorCode } from '@ogp/contracts';
import type { SchemaLike } from './arabic-example';

/** The one shape of every error the gateway answers (see http-error.filter.ts). */
export const ERROR_BODY_SCHEMA: SchemaLike = {
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      additionalProperties: false,
      properties: {
        code: { type: 'string', enum: Object.values(ErrorCode) },
        message: { type: 'string', description: 'In the language of Accept-Language (ar, fr, en; Arabic by default).' },
        details: {
          description:
            'What the code needs: {fields: {"a.b": ["..."]}} for VALIDATION_FAILED, dates for windows, rows for an import.',
        },
      },
    },
  },
};
