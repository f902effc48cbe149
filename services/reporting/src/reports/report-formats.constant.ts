import { ReportFormat, ReportKind } from '@ogp/contracts';

/** The formats each kind of report comes in. */
export const REPORT_FORMATS_BY_KIND: Record<ReportKind, ReportFormat[]> = {
  self_assessment: ['pdf', 'json'],
  plan_dashboard: ['pdf', 'json', 'csv', 'xlsx'],
  co_creation_synthesis: ['json', 'csv', 'pdf'],
  activities: ['xlsx', 'csv', 'json'],
};

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};
