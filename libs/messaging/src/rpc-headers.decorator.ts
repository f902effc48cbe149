import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Header } from '@ogp/contracts';

/** The idempotency key of a NATS command, if the caller sent one. */
export const RpcIdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string | null => {
  const rpc = ctx.switchToRpc().getContext<{ getHeaders?: () => { get(name: string): string } | undefined }>();
  const key = rpc?.getHeaders?.()?.get(Header.IDEMPOTENCY_KEY);
  return key && key.length <= 200 ? key : null;
});
