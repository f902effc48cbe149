import { applyDecorators, Header } from '@nestjs/common';

/** Answers that carry tokens or personal data must never sit in a browser or proxy cache. */
export function NoStore(): MethodDecorator {
  return applyDecorators(Header('Cache-Control', 'no-store'), Header('Pragma', 'no-cache'));
}
