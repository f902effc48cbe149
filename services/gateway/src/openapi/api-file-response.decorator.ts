import { SetMetadata } from '@nestjs/common';

export const API_FILE_RESPONSE_KEY = 'ogp:openapi:file-response';

/** The route answers a file (sent as a download) of one of these media types, not JSON. */
export const ApiFileResponse = (...mediaTypes: string[]) => SetMetadata(API_FILE_RESPONSE_KEY, mediaTypes);
