import { COMPLETION_LEVELS } from '../gateway/views';
import type { Locale } from '../i18n/locales';
import type { LocalizedText } from '../i18n/localized-text';
import { pick } from '../i18n/localized-text';
import type { MessageKey, Translate } from '../i18n/translator';
import { SelectFilter } from './filters';

/**
 * The filters of a plan's commitments (the public plan page and the coordination team's): its area,
 * the lead institution and the completion level, each labelled in the page's own words.
 */
export function PlanFilterFields({
  areas,
  institutions,
  filters,
  labels,
  locale,
  t,
}: {
  areas: { id: string; title: LocalizedText }[];
  institutions: { id: string; name: LocalizedText }[];
  filters: { areaId?: string; institutionId?: string; level?: string };
  labels: { area: string; institution: string; level: string };
  locale: Locale;
  t: Translate;
}) {
  return (
    <>
      <SelectFilter
        id="area"
        name="areaId"
        label={labels.area}
        value={filters.areaId}
        options={areas.map((a) => ({ value: a.id, label: pick(a.title, locale) }))}
        t={t}
      />
      <SelectFilter
        id="institution"
        name="institutionId"
        label={labels.institution}
        value={filters.institutionId}
        options={institutions.map((i) => ({ value: i.id, label: pick(i.name, locale) }))}
        t={t}
      />
      <SelectFilter
        id="level"
        name="level"
        label={labels.level}
        value={filters.level}
        options={COMPLETION_LEVELS.map((l) => ({ value: l, label: t(`level.${l}` as MessageKey) }))}
        t={t}
      />
    </>
  );
}

/** The gateway's query of a plan's commitments for these filters (GET /commitments). */
export function planCommitmentsQuery(
  planId: string,
  filters: { areaId?: string; institutionId?: string; level?: string },
): { planId: string; areaId?: string; institutionId?: string; completionLevel?: string } {
  return { planId, areaId: filters.areaId, institutionId: filters.institutionId, completionLevel: filters.level };
}
