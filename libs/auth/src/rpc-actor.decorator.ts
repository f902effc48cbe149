import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Header } from '@ogp/contracts';
import { Actor, parseActor } from './actor';

interface HeaderBag {
  get(name: string): string;
}

/** The acting user of a NATS request, or null for an anonymous (public) one. */
export const RpcActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor | null => {
  const rpc = ctx.switchToRpc().getContext<{ getHeaders?: () => HeaderBag | undefined }>();
  const headers = rpc?.getHeaders?.();
  return parseActor(headers?.get(Header.ACTOR));
});
