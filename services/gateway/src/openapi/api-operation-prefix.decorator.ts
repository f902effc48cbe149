import { SetMetadata } from '@nestjs/common';

export const API_OPERATION_PREFIX_KEY = 'ogp:openapi:operation-prefix';

/**
 * The first half of a route's operation id (`participation_submit`), which the portal's typed client
 * names: a controller cut out of a larger one keeps the ids it had. On a class or on one handler (the
 * handler's wins); without it, the controller's name less `Controller`.
 */
export const ApiOperationPrefix = (prefix: string) => SetMetadata(API_OPERATION_PREFIX_KEY, prefix);
