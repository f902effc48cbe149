import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ogp/auth';
import { NotificationsRpc } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { PageQueryDto } from '../../http/page-query.dto';
import { ApiOperationPrefix } from '../../openapi/api-operation-prefix.decorator';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';
import { uuid } from '../uuid-param';

/** E-mails that could not be sent: the admin lists them and sends one again; the notifications service checks the role too. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('admin/dead-letters')
export class DeadLettersController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Roles('admin')
  @ApiOperationPrefix('reporting')
  @Get()
  deadLetters(@Req() req: AuthedRequest, @Query() page: PageQueryDto) {
    return this.rpc.request(NotificationsRpc.deadLetters, { limit: page.limit, offset: page.offset }, asActor(req));
  }

  @Roles('admin')
  @HttpCode(200)
  @Post(':id/retry')
  retry(@Req() req: AuthedRequest, @Param('id', uuid()) id: string) {
    return this.rpc.request(NotificationsRpc.retryDeadLetter, { id }, asActor(req));
  }
}
