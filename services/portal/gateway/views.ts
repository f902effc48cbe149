import type { LocalizedText } from '../i18n/localized-text';

/**
 * What the portal reads from the gateway, as the gateway answers today. The OpenAPI document does
 * not describe answers yet; when it does, these become aliases of its generated schemas.
 */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface ProgrammeView {
  id: string;
  code: string;
  kind: string;
  name: LocalizedText;
  description: LocalizedText;
}

export interface AreaSummary {
  id: string;
  code: string;
  title: LocalizedText;
  progress: number;
  commitments: number;
}

export interface PlanView {
  id: string;
  programmeId: string;
  code: string;
  title: LocalizedText;
  startDate: string;
  endDate: string;
  status: 'draft' | 'adopted' | 'in_implementation' | 'closed';
  progress: number;
  areas: AreaSummary[];
}

export interface ProgrammePlans {
  programmeId: string;
  progress: number;
  plans: PlanView[];
}
