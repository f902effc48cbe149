import { AlertKind, ReportFinishedEvent } from '@ogp/contracts';

/** What followers (and a commitment's project managers) hear of: e-mailed at once unless they chose otherwise. */
export type FollowNotificationType =
  | 'commitments.progress.reported'
  | 'commitments.completion-level.changed'
  | 'participation.cycle.phase-opened'
  | 'participation.publication.published';

/**
 * Every notification people can get, by type: the type of the event that causes it, or, for the
 * events that notify in several ways, the event's kind (an alert's kind, a report's end). Each has
 * a template (`TEMPLATES` is a Record over this type), so one without a text does not compile.
 */
export type NotificationType =
  | FollowNotificationType
  | 'identity.user.created'
  | 'commitments.programme.created'
  | 'commitments.blocker.raised'
  | 'commitments.blocker.answered'
  | 'participation.idea.fate-changed'
  | 'participation.registration.confirmed'
  | 'participation.comment.answered'
  | `reporting.alert.${AlertKind}`
  | `reporting.report.${ReportFinishedEvent['status']}`;
