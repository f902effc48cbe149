import { uuidOrUndefined } from '../../gateway/read-or-missing';
import type { Locale } from '../../i18n/locales';
import type { Translate } from '../../i18n/translator';
import { pick } from '../../i18n/localized-text';
import type { CycleView } from '../citizen/cycle-view';

/** The cycle a coordination page is about, chosen in the URL (`?cycle=`): its select field. */
export function CycleField({
  cycles,
  selected,
  locale,
  t,
}: {
  cycles: CycleView[];
  selected: string | undefined;
  locale: Locale;
  t: Translate;
}) {
  return (
    <div className="field">
      <label htmlFor="f-cycle">{t('coord.triage.cycle')}</label>
      <select id="f-cycle" name="cycle" defaultValue={selected ?? ''}>
        {cycles.map((c) => (
          <option key={c.id} value={c.id}>
            {pick(c.title, locale)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A search form with the cycle field alone (a plain GET: works without JavaScript). */
export function CycleFilter({
  action,
  ...field
}: {
  action: string;
  cycles: CycleView[];
  selected: string | undefined;
  locale: Locale;
  t: Translate;
}) {
  return (
    <form method="get" action={action} className="filters" role="search" aria-label={field.t('coord.triage.cycle')}>
      <CycleField {...field} />
      <div className="filter-actions">
        <button type="submit" className="button">
          {field.t('common.filter')}
        </button>
      </div>
    </form>
  );
}

/**
 * The cycle a coordination page is about: the one asked for in the URL (`?cycle=`, an id), else the
 * first that `preferred` picks (a cycle in the page's phase), else the first cycle.
 */
export function chooseCycle(
  cycles: CycleView[],
  requested: unknown,
  preferred: (cycle: CycleView) => boolean,
): CycleView | undefined {
  const id = uuidOrUndefined(requested);
  return cycles.find((c) => c.id === id) ?? cycles.find(preferred) ?? cycles[0];
}
