import { Type } from '@nestjs/common';
import { ActivitiesController } from './activities/activities.controller';
import { AlertsController } from './alerts/alerts.controller';
import { BlockersController } from './blockers/blockers.controller';
import { CommitmentsController } from './commitments/commitments.controller';
import { CommitteeController } from './committee/committee.controller';
import { CommunicationsController } from './communications/communications.controller';
import { ConsultationController } from './consultation/consultation.controller';
import { CyclesController } from './cycles/cycles.controller';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { FateController } from './fate/fate.controller';
import { FeedsController } from './feeds/feeds.controller';
import { FollowsController } from './follows/follows.controller';
import { IdeasController } from './ideas/ideas.controller';
import { PlanImportController } from './import/plan-import.controller';
import { InstitutionsController } from './institutions/institutions.controller';
import { JobsController } from './jobs/jobs.controller';
import { NotificationPreferencesController } from './notification-preferences/notification-preferences.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { OpenDataController } from './open-data/open-data.controller';
import { OperationsController } from './operations/operations.controller';
import { PlansController } from './plans/plans.controller';
import { ProgrammesController } from './programmes/programmes.controller';
import { ProgressController } from './progress/progress.controller';
import { PublicationsController } from './publications/publications.controller';
import { ReportsController } from './reports/reports.controller';
import { TrackingStrategyController } from './tracking-strategy/tracking-strategy.controller';
import { WeightsController } from './weights/weights.controller';
import { WorkshopsController } from './workshops/workshops.controller';

/**
 * The controllers that forward a request to the service owning it, one per feature: they check the
 * role, shape the input and pass the actor on; the owning service checks the scope and does the work.
 */
export const FORWARDING_CONTROLLERS: Type<unknown>[] = [
  ProgrammesController,
  InstitutionsController,
  PlansController,
  PlanImportController,
  TrackingStrategyController,
  CommitmentsController,
  ActivitiesController,
  WeightsController,
  ProgressController,
  CommunicationsController,
  BlockersController,
  CyclesController,
  IdeasController,
  FateController,
  WorkshopsController,
  ConsultationController,
  CommitteeController,
  PublicationsController,
  ReportsController,
  AlertsController,
  JobsController,
  DeadLettersController,
  NotificationPreferencesController,
  NotificationsController,
  FollowsController,
  OperationsController,
  FeedsController,
  OpenDataController,
];
