import { ParseUUIDPipe } from '@nestjs/common';

/** A path id that must be a uuid (400 otherwise, before anything is forwarded). */
export const uuid = () => new ParseUUIDPipe();
