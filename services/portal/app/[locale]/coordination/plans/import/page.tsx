import { importPlan } from '../../../../../components/coord/plan-import-action';
import { PlanImportForm } from '../../../../../components/coord/plan-import-form';
import { gateway } from '../../../../../gateway/gateway-client';
import type { Page, ProgrammeView } from '../../../../../gateway/views';
import { pick } from '../../../../../i18n/localized-text';
import { CsrfField } from '../../../../../session/csrf-field';
import { titled } from '../../../../../components/page-props';
import { openStaffPage, COORDINATION_ROLES } from '../../../../../components/coord/staff-page';
import type { StaffPageProps } from '../../../../../components/coord/staff-page';

export const generateMetadata = titled('coord.import.title');

/**
 * A whole plan from one file (docs/plan-import.md): JSON as documented, or CSV rows with the plan's
 * header given here. Nothing is written when any row is wrong; the rows and their problems are listed.
 */
export default async function PlanImportPage(props: StaffPageProps) {
  const opened = await openStaffPage(props, '/coordination/plans/import', COORDINATION_ROLES);
  if (opened.view) return opened.view;
  const { locale, t } = opened;
  const programmes = await (
    await gateway.public(locale)
  ).get<Page<ProgrammeView>>('/programmes', { query: { limit: 100 } });
  return (
    <section className="page-section narrow-wide" aria-labelledby="import-title">
      <h1 id="import-title">{t('coord.import.title')}</h1>
      <p className="lead">{t('coord.import.intro')}</p>
      <details>
        <summary>{t('coord.import.csvColumns')}</summary>
        <p>{t('coord.import.csvHelp')}</p>
        <pre dir="ltr" className="row-excerpt">
          <code>
            area_code,area_title_ar,area_title_fr,area_title_en,commitment_number,commitment_title_ar,commitment_title_fr,commitment_title_en,commitment_start,commitment_end,lead_institution_code,ogp_values,activity_title_ar,activity_title_fr,activity_title_en,activity_start,activity_end,activity_weight,activity_responsible
          </code>
        </pre>
      </details>
      <PlanImportForm
        action={importPlan}
        csrf={<CsrfField />}
        locale={locale}
        programmes={programmes.items.map((p) => ({ value: p.code, label: `${pick(p.name, locale)} (${p.code})` }))}
        labels={{
          file: t('coord.import.file'),
          fileHint: t('coord.import.fileHint'),
          header: t('coord.import.header'),
          headerHint: t('coord.import.headerHint'),
          programme: t('coord.import.programme'),
          planCode: t('coord.import.planCode'),
          titleAr: t('coord.form.titleAr'),
          titleFr: t('coord.form.titleFr'),
          titleEn: t('coord.form.titleEn'),
          startDate: t('coord.form.startDate'),
          endDate: t('coord.form.endDate'),
          submit: t('coord.import.submit'),
          rowsCaption: t('coord.import.rowsCaption'),
          row: t('coord.import.row'),
          content: t('coord.import.content'),
          field: t('coord.import.field'),
          problem: t('coord.import.problem'),
          line: t('coord.import.line', { n: '{n}' }),
        }}
      />
    </section>
  );
}
