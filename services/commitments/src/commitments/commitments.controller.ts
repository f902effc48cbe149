import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { RpcIdempotencyKey } from '@ogp/messaging';
import {
  AddActivityDto,
  AnswerBlockerDto,
  CommitmentQueryDto,
  CommunicationDto,
  CreateAreaDto,
  CreateCommitmentDto,
  CreateInstitutionDto,
  CreatePlanDto,
  ImportPlanDto,
  IndicatorValueDto,
  IsOptional,
  ManualLevelDto,
  OverrideLevelDto,
  PlansRpc,
  RaiseBlockerDto,
  ReportProgressDto,
  SetStrategyDto,
  SetWeightsDto,
  SnapshotRpc,
  UpdateCommitmentDto,
} from '@ogp/contracts';
import { IsBoolean, IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { BlockersService } from '../blockers/blockers.service';
import { PlanImportService } from '../import/plan-import.service';
import { PlansService } from '../plans/plans.service';
import { PageQueryDto } from '../programmes/page-query.dto';
import { CommitmentsService } from './commitments.service';
import { CommitmentViews } from './commitment-views';

class IdDto {
  @IsUUID()
  id: string;
}
class DashboardDto {
  @IsUUID()
  id: string;

  /** Computed now rather than shared from the last few seconds (the gateway's live progress after a report). */
  @IsOptional()
  @IsBoolean()
  fresh?: boolean;
}
class CommitmentIdDto {
  @IsUUID()
  commitmentId: string;
}
class ActivityRefDto extends CommitmentIdDto {
  @IsUUID()
  activityId: string;
}
class SnapshotQueryDto {
  @IsOptional()
  @IsUUID()
  after?: string;

  @IsInt()
  @Min(1)
  @Max(500)
  limit: number;
}
class ReportsQueryDto extends PageQueryDto {
  @IsUUID()
  commitmentId: string;
}
class BlockerIdDto {
  @IsUUID()
  blockerId: string;
}
class ProgrammeIdDto {
  @IsUUID()
  programmeId: string;
}
class HistoryQueryDto extends PageQueryDto {
  @IsUUID()
  id: string;
}
class BlockerQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(['open', 'answered', 'closed'])
  status?: string;

  @IsOptional()
  @IsUUID()
  commitmentId?: string;
}
class PlanCommitmentDto extends CreateCommitmentDto {
  @IsUUID()
  planId: string;
}
class UpdateDto extends UpdateCommitmentDto {
  @IsUUID()
  id: string;
}
class AddActivityCmd extends AddActivityDto {
  @IsUUID()
  commitmentId: string;
}
class WeightsCmd extends SetWeightsDto {
  @IsUUID()
  commitmentId: string;
}
class ProgressCmd extends ReportProgressDto {
  @IsUUID()
  commitmentId: string;
}
class IndicatorCmd extends IndicatorValueDto {
  @IsUUID()
  commitmentId: string;
}
class ManualLevelCmd extends ManualLevelDto {
  @IsUUID()
  commitmentId: string;
}
class OverrideCmd extends OverrideLevelDto {
  @IsUUID()
  commitmentId: string;
}
class CommunicationCmd extends CommunicationDto {
  @IsUUID()
  commitmentId: string;
}
class BlockerCmd extends RaiseBlockerDto {
  @IsUUID()
  commitmentId: string;
}
class AnswerCmd extends AnswerBlockerDto {
  @IsUUID()
  blockerId: string;
}

/** The NATS face of plans, commitments and their tracking. */
@Controller()
export class CommitmentsController {
  constructor(
    private readonly plans: PlansService,
    private readonly commitments: CommitmentsService,
    private readonly views: CommitmentViews,
    private readonly blockers: BlockersService,
    private readonly importer: PlanImportService,
  ) {}

  @MessagePattern(PlansRpc.createInstitution.subject)
  createInstitution(@Payload() dto: CreateInstitutionDto, @RpcActor() actor: Actor | null) {
    return this.plans.createInstitution(actor, dto);
  }

  @MessagePattern(PlansRpc.getInstitution.subject)
  getInstitution(@Payload() dto: IdDto) {
    return this.plans.getInstitution(dto.id);
  }

  @MessagePattern(PlansRpc.listInstitutions.subject)
  listInstitutions(@Payload() page: PageQueryDto) {
    return this.plans.listInstitutions(page);
  }

  @MessagePattern(PlansRpc.createPlan.subject)
  createPlan(@Payload() dto: CreatePlanDto, @RpcActor() actor: Actor | null) {
    return this.plans.createPlan(actor, dto);
  }

  @MessagePattern(PlansRpc.getPlan.subject)
  getPlan(@Payload() dto: IdDto) {
    return this.plans.getPlan(dto.id);
  }

  @MessagePattern(PlansRpc.listPlans.subject)
  listPlans(@Payload() dto: ProgrammeIdDto) {
    return this.plans.listPlans(dto.programmeId);
  }

  @MessagePattern(PlansRpc.planDashboard.subject)
  dashboard(@Payload() dto: DashboardDto) {
    return this.plans.dashboard(dto.id, dto.fresh === true);
  }

  @MessagePattern(PlansRpc.createArea.subject)
  createArea(@Payload() dto: CreateAreaDto, @RpcActor() actor: Actor | null) {
    return this.plans.createArea(actor, dto);
  }

  @MessagePattern(PlansRpc.importPlan.subject)
  importPlan(@Payload() dto: ImportPlanDto, @RpcActor() actor: Actor | null) {
    return this.importer.import(actor, dto);
  }

  @MessagePattern(PlansRpc.createCommitment.subject)
  async createCommitment(@Payload() dto: PlanCommitmentDto, @RpcActor() actor: Actor | null) {
    const { planId, ...card } = dto;
    return this.views.get(await this.commitments.create(actor, planId, card as CreateCommitmentDto));
  }

  @MessagePattern(PlansRpc.updateCommitment.subject)
  updateCommitment(@Payload() dto: UpdateDto, @RpcActor() actor: Actor | null) {
    const { id, ...change } = dto;
    return this.commitments.update(actor, id, change);
  }

  @MessagePattern(PlansRpc.getCommitment.subject)
  getCommitment(@Payload() dto: IdDto) {
    return this.views.get(dto.id);
  }

  @MessagePattern(PlansRpc.listCommitments.subject)
  listCommitments(@Payload() query: CommitmentQueryDto) {
    return this.views.list(query);
  }

  @MessagePattern(PlansRpc.history.subject)
  history(@Payload() query: HistoryQueryDto) {
    return this.views.history(query.id, query);
  }

  @MessagePattern(PlansRpc.addActivity.subject)
  addActivity(@Payload() dto: AddActivityCmd, @RpcActor() actor: Actor | null) {
    const { commitmentId, ...activity } = dto;
    return this.commitments.addActivity(actor, commitmentId, activity);
  }

  @MessagePattern(PlansRpc.removeActivity.subject)
  removeActivity(@Payload() dto: ActivityRefDto, @RpcActor() actor: Actor | null) {
    return this.commitments.removeActivity(actor, dto.commitmentId, dto.activityId);
  }

  @MessagePattern(PlansRpc.setWeights.subject)
  setWeights(@Payload() dto: WeightsCmd, @RpcActor() actor: Actor | null) {
    return this.commitments.setWeights(actor, dto.commitmentId, dto);
  }

  @MessagePattern(PlansRpc.reportProgress.subject)
  reportProgress(
    @Payload() dto: ProgressCmd,
    @RpcActor() actor: Actor | null,
    @RpcIdempotencyKey() key: string | null,
  ) {
    const { commitmentId, ...report } = dto;
    return this.commitments.reportProgress(actor, commitmentId, report, key);
  }

  @MessagePattern(PlansRpc.setIndicator.subject)
  setIndicator(@Payload() dto: IndicatorCmd, @RpcActor() actor: Actor | null) {
    return this.commitments.setIndicator(actor, dto.commitmentId, dto);
  }

  @MessagePattern(PlansRpc.setManualLevel.subject)
  setManualLevel(@Payload() dto: ManualLevelCmd, @RpcActor() actor: Actor | null) {
    return this.commitments.setManualLevel(actor, dto.commitmentId, dto);
  }

  @MessagePattern(PlansRpc.overrideLevel.subject)
  overrideLevel(@Payload() dto: OverrideCmd, @RpcActor() actor: Actor | null) {
    return this.commitments.overrideLevel(actor, dto.commitmentId, dto);
  }

  @MessagePattern(PlansRpc.setStrategy.subject)
  setStrategy(@Payload() dto: SetStrategyDto, @RpcActor() actor: Actor | null) {
    return this.commitments.setStrategy(actor, dto);
  }

  @MessagePattern(SnapshotRpc.commitments.subject)
  snapshot(@Payload() dto: SnapshotQueryDto) {
    return this.commitments.snapshot(dto.after, dto.limit);
  }

  @MessagePattern(PlansRpc.evidenceFile.subject)
  evidence(@Payload() dto: IdDto) {
    return this.commitments.evidenceFile(dto.id);
  }

  @MessagePattern(PlansRpc.listReports.subject)
  reports(@Payload() dto: ReportsQueryDto) {
    return this.commitments.reports(dto.commitmentId, dto);
  }

  @MessagePattern(PlansRpc.addCommunication.subject)
  addCommunication(@Payload() dto: CommunicationCmd, @RpcActor() actor: Actor | null) {
    const { commitmentId, ...communication } = dto;
    return this.commitments.addCommunication(actor, commitmentId, communication);
  }

  @MessagePattern(PlansRpc.listCommunications.subject)
  listCommunications(@Payload() dto: CommitmentIdDto) {
    return this.commitments.listCommunications(dto.commitmentId);
  }

  @MessagePattern(PlansRpc.raiseBlocker.subject)
  raiseBlocker(@Payload() dto: BlockerCmd, @RpcActor() actor: Actor | null) {
    const { commitmentId, ...blocker } = dto;
    return this.blockers.raise(actor, commitmentId, blocker);
  }

  @MessagePattern(PlansRpc.answerBlocker.subject)
  answerBlocker(@Payload() dto: AnswerCmd, @RpcActor() actor: Actor | null) {
    return this.blockers.answer(actor, dto.blockerId, dto);
  }

  @MessagePattern(PlansRpc.closeBlocker.subject)
  closeBlocker(@Payload() dto: BlockerIdDto, @RpcActor() actor: Actor | null) {
    return this.blockers.close(actor, dto.blockerId);
  }

  @MessagePattern(PlansRpc.listBlockers.subject)
  listBlockers(@Payload() query: BlockerQueryDto, @RpcActor() actor: Actor | null) {
    return this.blockers.list(actor, query);
  }
}
