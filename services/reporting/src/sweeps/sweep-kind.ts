/** The deadline sweeps: each a scheduled job, and a command staff may run now. */
export const SWEEP_KINDS = ['deadlines', 'overdue', 'late_reporting', 'periodic', 'meeting'] as const;
export type SweepKind = (typeof SWEEP_KINDS)[number];
