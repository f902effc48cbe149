/** A report job as the gateway answers GET /reports/:id. */
export interface ReportView {
  id: string;
  kind: 'self_assessment' | 'plan_dashboard' | 'co_creation_synthesis' | 'activities';
  format: 'pdf' | 'xlsx' | 'csv' | 'json';
  params: { planId?: string; cycleId?: string; language?: string };
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  size: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export const REPORT_KINDS = ['self_assessment', 'plan_dashboard', 'activities', 'co_creation_synthesis'] as const;
export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv', 'json'] as const;
