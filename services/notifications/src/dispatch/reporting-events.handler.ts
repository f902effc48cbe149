import { Injectable } from '@nestjs/common';
import { ReportingEvents } from '@ogp/contracts';
import { AlertBatchesService } from '../alert-batches/alert-batches.service';
import { labelOf } from '../labels/label-of';
import { REPORT_KIND_LABELS } from '../labels/report-kind-labels.constant';
import { RecipientsRepository } from '../recipients/recipients.repository';
import { localizedValues as v } from './localized-values';
import { NotificationEventHandlers } from './notification-event-handlers';
import { Notifier } from './notifier';
import { PortalPaths } from './portal-paths.constant';

/** Alerts reach their audience (a sweep's e-mails gathered per person); a report's end reaches its requester. */
@Injectable()
export class ReportingEventsHandler {
  constructor(
    handlers: NotificationEventHandlers,
    private readonly notifier: Notifier,
    private readonly recipients: RecipientsRepository,
    private readonly batches: AlertBatchesService,
  ) {
    handlers
      .on(ReportingEvents.alertRaised, async (event, manager) => {
        const alert = event.data;
        const people = await this.recipients.audience(manager, alert.audience, alert.programmeId, alert.institutionId);
        const { summary, sweep } = alert;
        const batched = sweep ? await this.batches.join(manager, sweep) : false;
        await this.notifier.notify(
          manager,
          event,
          `reporting.alert.${alert.kind}`,
          people,
          (l) => ({
            title: v.text(alert.title, l),
            activity: v.text(alert.activityTitle, l),
            dueDate: v.date(alert.dueDate, l),
            period: alert.period,
            progress: summary ? String(summary.progress) : '',
            overdueActivities: summary ? String(summary.overdueActivities) : '',
            lateCommitments: summary ? String(summary.lateCommitments) : '',
          }),
          {
            path: alert.commitmentId ? PortalPaths.commitment(alert.commitmentId) : null,
            batch: sweep && batched ? { sweepId: sweep.id, kind: alert.kind } : undefined,
          },
        );
        if (sweep) await this.batches.completeIfLast(manager, sweep.id);
      })
      .on(ReportingEvents.reportFinished, async (event, manager) => {
        // The requester of a report hears of its end: ready, or failed (a lost job that could not be run).
        const data = event.data;
        if (!data.requestedBy) return;
        await this.notifier.notifyPerson(manager, event, `reporting.report.${data.status}`, data.requestedBy, (l) => ({
          kind: labelOf(REPORT_KIND_LABELS, data.kind, l),
          format: data.format.toUpperCase(),
        }));
      });
  }
}
