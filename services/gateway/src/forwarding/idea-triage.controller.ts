import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ogp/auth';
import { BulkFateStepDto, ErrorCode, IdeaTriageQueryDto, IsOptional, ParticipationRpc } from '@ogp/contracts';
import { NatsRpcClient } from '@ogp/messaging';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { STAFF_ROLES } from '../access/all-roles.constant';
import { AuthenticatedActor } from '../identity/jwt.strategy';
import { forwardedActor } from './forwarded-actor';

type Authed = { user?: AuthenticatedActor };

class TriageQueryDto extends IdeaTriageQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}

/**
 * The coordination team triages a cycle's ideas: every idea (hidden ones too) by step, theme or
 * reports; and one fate step for a selection of up to 100, all or none (send an Idempotency-Key to
 * make a retry safe).
 */
@ApiTags('co-creation')
@ApiBearerAuth()
@Controller('cycles/:id/ideas')
export class IdeaTriageController {
  constructor(private readonly rpc: NatsRpcClient) {}

  @Roles(...STAFF_ROLES)
  @Get('triage')
  triage(@Req() req: Authed, @Param('id', new ParseUUIDPipe()) cycleId: string, @Query() q: TriageQueryDto) {
    return this.rpc.request(
      ParticipationRpc.triageIdeas,
      {
        cycleId,
        status: q.status,
        themeId: q.themeId,
        reported: q.reported,
        hidden: q.hidden,
        limit: q.limit,
        offset: q.offset,
      },
      { actor: forwardedActor(req.user) },
    );
  }

  @Roles(...STAFF_ROLES)
  @HttpCode(200)
  @ApiErrors(ErrorCode.ILLEGAL_TRANSITION)
  @Post('fate')
  bulkFate(@Req() req: Authed, @Param('id', new ParseUUIDPipe()) cycleId: string, @Body() dto: BulkFateStepDto) {
    return this.rpc.request(
      ParticipationRpc.bulkFateStep,
      { ...dto, cycleId },
      { actor: forwardedActor(req.user), timeoutMs: 30000 },
    );
  }
}
