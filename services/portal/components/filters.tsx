import type { ReactNode } from 'react';
import type { Translate } from '../i18n/translator';

/**
 * A filter form: a plain GET to the page itself (works without JavaScript), its fields, then the
 * filter button and, when `reset` is given, a link back to the unfiltered page. A `label` makes it a
 * named search landmark.
 */
export function FilterForm({
  action,
  label,
  search,
  reset,
  t,
  children,
}: {
  action: string;
  label?: string;
  /** A search landmark without a name (a `label` makes one named). */
  search?: boolean;
  reset?: string;
  t: Translate;
  children: ReactNode;
}) {
  return (
    <form
      method="get"
      action={action}
      className="filters"
      role={label || search ? 'search' : undefined}
      aria-label={label}
    >
      {children}
      <div className="filter-actions">
        <button type="submit" className="button">
          {t('common.filter')}
        </button>
        {reset ? (
          <a className="button button-quiet" href={reset}>
            {t('common.reset')}
          </a>
        ) : null}
      </div>
    </form>
  );
}

/** A select of a filter form (`f-<id>`): "all" first (its value empty), then the options. */
export function SelectFilter({
  id,
  name,
  label,
  value,
  options,
  t,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  t: Translate;
}) {
  return (
    <div className="field">
      <label htmlFor={`f-${id}`}>{label}</label>
      <select id={`f-${id}`} name={name} defaultValue={value ?? ''}>
        <option value="">{t('common.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A column heading of a <DataTable>: its text, or its text with a class (`num` for figures). */
export type Column = string | { label: string; className: string };

/**
 * A table that scrolls sideways on a narrow screen: its column headings, then the rows given as
 * children. With `label`, the scrolling region is named and a keyboard can reach it (tabIndex 0), and
 * `caption` true adds that name as a caption only screen readers read; a `caption` text is shown.
 */
export function DataTable({
  id,
  label,
  labelledBy,
  caption,
  columns,
  children,
}: {
  id?: string;
  label?: string;
  labelledBy?: string;
  caption?: true | string;
  columns: Column[];
  children: ReactNode;
}) {
  const region = label ? { tabIndex: 0, role: 'region', 'aria-label': label } : {};
  return (
    <div className="table-scroll" {...region}>
      <table id={id} aria-labelledby={labelledBy}>
        {caption === true ? (
          <caption className="visually-hidden">{label}</caption>
        ) : caption ? (
          <caption>{caption}</caption>
        ) : null}
        <thead>
          <tr>
            {columns.map((c, i) =>
              typeof c === 'string' ? (
                <th key={i} scope="col">
                  {c}
                </th>
              ) : (
                <th key={i} scope="col" className={c.className}>
                  {c.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** How many pages `total` items make at `size` a page (at least one). */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The gateway's `limit` and `offset` for page `page` at `size` a page. */
export function pageWindow(page: number, size: number): { limit: number; offset: number } {
  return { limit: size, offset: (page - 1) * size };
}
