import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { CommitmentsRpc, CreateProgrammeDto, IdParamDto, Page, PageQueryDto, ProgrammeView } from '@ogp/contracts';
import { RpcIdempotencyKey } from '@ogp/messaging';
import { ProgrammesService } from './programmes.service';

@Controller()
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @MessagePattern(CommitmentsRpc.createProgramme.subject)
  create(
    @Payload() dto: CreateProgrammeDto,
    @RpcActor() actor: Actor | null,
    @RpcIdempotencyKey() key: string | null,
  ): Promise<ProgrammeView> {
    return this.programmes.create(actor, dto, key);
  }

  @MessagePattern(CommitmentsRpc.listProgrammes.subject)
  list(@Payload() query: PageQueryDto): Promise<Page<ProgrammeView>> {
    return this.programmes.list(query);
  }

  @MessagePattern(CommitmentsRpc.getProgramme.subject)
  get(@Payload() params: IdParamDto): Promise<ProgrammeView> {
    return this.programmes.get(params.id);
  }
}
