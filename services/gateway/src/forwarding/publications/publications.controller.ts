import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, RoleGroup, Roles } from '@ogp/auth';
import { ParticipationRpc, PublicationDto } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { ApiOperationPrefix } from '../../openapi/api-operation-prefix.decorator';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';
import { uuid } from '../uuid-param';
import { PublicationQueryDto } from './publication-query.dto';

/** News, minutes and documents: the coordination team drafts and publishes, anyone reads what is published. */
@ApiTags('co-creation')
@ApiOperationPrefix('participation')
@Controller()
export class PublicationsController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Public()
  @Get('publications')
  publications(@Req() req: AuthedRequest, @Query() q: PublicationQueryDto) {
    return this.rpc.request(
      ParticipationRpc.listPublications,
      { kind: q.kind, drafts: q.drafts, limit: q.limit, offset: q.offset },
      asActor(req),
    );
  }
  @ApiBearerAuth()
  @Roles(...RoleGroup.COORDINATION)
  @Post('publications')
  createPublication(@Req() req: AuthedRequest, @Body() dto: PublicationDto) {
    return this.rpc.request(ParticipationRpc.createPublication, dto, asActor(req));
  }
  @ApiBearerAuth()
  @Roles(...RoleGroup.COORDINATION)
  @HttpCode(200)
  @Post('publications/:id/publish')
  publish(@Req() req: AuthedRequest, @Param('id', uuid()) publicationId: string) {
    return this.rpc.request(ParticipationRpc.publish, { id: publicationId }, asActor(req));
  }
}
