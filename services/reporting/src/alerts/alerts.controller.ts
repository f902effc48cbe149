import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { AlertsQueryDto, ReportingRpc } from '@ogp/contracts';
import { AlertsService } from './alerts.service';

@Controller()
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @MessagePattern(ReportingRpc.listAlerts.subject)
  list(@Payload() q: AlertsQueryDto, @RpcActor() actor: Actor | null) {
    return this.alerts.list(actor, q);
  }
}
