import { Body, Controller, Param, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RoleGroup, Roles } from '@ogp/auth';
import { CommitmentsRpc, SetWeightsDto } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { ApiOperationPrefix } from '../../openapi/api-operation-prefix.decorator';
import { asActor } from '../as-actor';
import { AuthedRequest } from '../authed-request';
import { uuid } from '../uuid-param';

/** The weights of a commitment's activities in its completion level. */
@ApiTags('commitments')
@ApiBearerAuth()
@ApiOperationPrefix('commitments')
@Controller('commitments/:id/weights')
export class WeightsController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Roles(...RoleGroup.MANAGERS)
  @Put()
  setWeights(@Req() req: AuthedRequest, @Param('id', uuid()) commitmentId: string, @Body() dto: SetWeightsDto) {
    return this.rpc.request(CommitmentsRpc.setWeights, { ...dto, commitmentId }, asActor(req));
  }
}
