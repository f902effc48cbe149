import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Actor, RpcActor } from '@ogp/auth';
import { Language, LANGUAGES, ReportingRpc } from '@ogp/contracts';
import { IsIn, IsUUID } from 'class-validator';
import { CalendarsService } from './calendars.service';

class LanguageDto {
  @IsIn(LANGUAGES as readonly string[] as string[])
  language: Language;
}
class SubjectDto extends LanguageDto {
  @IsUUID()
  id: string;
}

/** The iCalendar feeds: public for plans and cycles, the actor's own for the personal feed. */
@Controller()
export class CalendarsController {
  constructor(private readonly calendars: CalendarsService) {}

  @MessagePattern(ReportingRpc.planCalendar.subject)
  plan(@Payload() dto: SubjectDto) {
    return this.calendars.plan(dto.id, dto.language);
  }

  @MessagePattern(ReportingRpc.cycleCalendar.subject)
  cycle(@Payload() dto: SubjectDto) {
    return this.calendars.cycle(dto.id, dto.language);
  }

  @MessagePattern(ReportingRpc.personalCalendar.subject)
  personal(@Payload() dto: LanguageDto, @RpcActor() actor: Actor | null) {
    return this.calendars.personal(actor, dto.language);
  }
}
