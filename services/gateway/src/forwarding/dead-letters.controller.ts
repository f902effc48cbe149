import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ogp/auth';
import { NotificationsRpc2 } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { AuthenticatedActor } from '../identity/jwt.strategy';
import { forwardedActor } from './forwarded-actor';

type Authed = { user?: AuthenticatedActor };

/** The admin sends a dead e-mail again (GET /admin/dead-letters lists them); the notifications service checks the role too. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('admin/dead-letters')
export class DeadLettersController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Roles('admin')
  @HttpCode(200)
  @Post(':id/retry')
  retry(@Req() req: Authed, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.rpc.request(NotificationsRpc2.retryDeadLetter, { id }, { actor: forwardedActor(req.user) });
  }
}
