import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, RoleGroup, Roles } from '@ogp/auth';
import { CommitmentsRpc, CreateProgrammeDto, ErrorCode, Header, Page, ProgrammeView } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { ApiErrors } from '../../openapi/api-errors.decorator';
import { PageQueryDto } from '../../http/page-query.dto';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';

@ApiTags('programmes')
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Public()
  @Get()
  list(@Query() query: PageQueryDto): Promise<Page<ProgrammeView>> {
    return this.rpc.request(CommitmentsRpc.listProgrammes, { limit: query.limit, offset: query.offset });
  }

  @Public()
  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ProgrammeView> {
    return this.rpc.request(CommitmentsRpc.getProgramme, { id });
  }

  @ApiBearerAuth()
  @Roles(...RoleGroup.COORDINATION)
  @ApiErrors(ErrorCode.ALREADY_EXISTS)
  @Post()
  create(
    @Req() req: AuthedRequest,
    @Body() dto: CreateProgrammeDto,
    @Headers(Header.IDEMPOTENCY_KEY) idempotencyKey?: string,
  ): Promise<ProgrammeView> {
    return this.rpc.request(CommitmentsRpc.createProgramme, dto, {
      ...asActor(req),
      idempotencyKey: idempotencyKey?.slice(0, 200),
    });
  }
}
