import type { Schemas } from '../../gateway/views';

/** A report job as the gateway answers GET /reports/:id (the document leaves its parameters open). */
export type ReportView = Omit<Schemas['ReportView'], 'params'> & {
  params: { planId?: string; cycleId?: string; language?: string };
};

export const REPORT_KINDS = ['self_assessment', 'plan_dashboard', 'activities', 'co_creation_synthesis'] as const;
export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv', 'json'] as const;
