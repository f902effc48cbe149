import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { CommitmentsRpc, CreateInstitutionDto, IdParamDto, PageQueryDto } from '@ogp/contracts';
import { RpcIdempotencyKey } from '@ogp/messaging';
import { InstitutionsService } from './institutions.service';

@Controller()
export class InstitutionsController {
  constructor(private readonly institutions: InstitutionsService) {}

  @MessagePattern(CommitmentsRpc.createInstitution.subject)
  create(
    @Payload() dto: CreateInstitutionDto,
    @RpcActor() actor: Actor | null,
    @RpcIdempotencyKey() key: string | null,
  ) {
    return this.institutions.create(actor, dto, undefined, key);
  }

  @MessagePattern(CommitmentsRpc.getInstitution.subject)
  get(@Payload() dto: IdParamDto) {
    return this.institutions.get(dto.id);
  }

  @MessagePattern(CommitmentsRpc.listInstitutions.subject)
  list(@Payload() page: PageQueryDto) {
    return this.institutions.list(page);
  }
}
