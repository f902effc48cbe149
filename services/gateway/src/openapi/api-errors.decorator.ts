import { SetMetadata } from '@nestjs/common';
import { ErrorCode } from '@ogp/contracts';

export const API_ERRORS_KEY = 'ogp:openapi:errors';

/**
 * The domain errors a route answers besides those its metadata implies (input → 400, login → 401,
 * roles → 403, an id → 404, forwarding → 503/504): the OpenAPI document lists them with their status.
 */
export const ApiErrors = (...codes: ErrorCode[]) => SetMetadata(API_ERRORS_KEY, codes);
