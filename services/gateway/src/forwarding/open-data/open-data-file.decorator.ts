import { applyDecorators } from '@nestjs/common';
import { Public } from '@ogp/auth';
import { ErrorCode } from '@ogp/contracts';
import { ApiErrors } from '../../openapi/api-errors.decorator';
import { ApiFileResponse } from '../../openapi/api-file-response.decorator';

/** A public dataset file in CSV, JSON or XLSX; 404 when its plan or cycle is unknown. */
export const OpenDataFile = () =>
  applyDecorators(
    Public(),
    ApiFileResponse(
      'text/csv',
      'application/json',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ),
    ApiErrors(ErrorCode.NOT_FOUND),
  );
