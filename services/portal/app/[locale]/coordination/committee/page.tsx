import { ActionForm } from '../../../../components/citizen/action-form';
import type { CycleView } from '../../../../components/citizen/cycle-view';
import type { FormField } from '../../../../components/citizen/form-field';
import { addGovernmentSeat, selectCommittee } from '../../../../components/coord/committee-actions';
import { CycleFilter, chooseCycle } from '../../../../components/coord/cycle-filter';
import type { Page } from '../../../../gateway/views';
import { MessageKey } from '../../../../i18n/translator';
import { CsrfField } from '../../../../session/csrf-field';
import { titled } from '../../../../components/page-props';
import { openStaffPage, COORDINATION_ROLES } from '../../../../components/coord/staff-page';
import type { PageProps } from '../../../../components/page-props';

interface Composition {
  seats: {
    id: string;
    sector: 'government' | 'civil_society';
    holder: string;
    termStart: string;
    termEnd: string;
    endedAt: string | null;
  }[];
  government: number;
  civilSociety: number;
  parity: boolean;
}
interface Candidacy {
  id: string;
  organisation: string;
  status: string;
  score: number | null;
}

export const generateMetadata = titled('coord.committee.title');

/**
 * The steering committee: its seats by sector with the parity between government and civil society
 * shown, the selection of civil-society seats from a cycle's candidacies (scored out of 100), and
 * government seats.
 */
export default async function CoordinationCommitteePage(props: PageProps) {
  const opened = await openStaffPage(props, '/coordination/committee', COORDINATION_ROLES);
  if (opened.view) return opened.view;
  const { locale, t, f, search, api } = opened;
  const [composition, cycles] = await Promise.all([
    api.get<Composition>('/committee'),
    api.get<Page<CycleView>>('/cycles', { query: { limit: 100 } }),
  ]);
  const cycle = chooseCycle(cycles.items, search.cycle, (c) => c.phases.some((p) => p.kind === 'candidacy'));
  const candidacies = cycle ? await api.get<Candidacy[]>('/cycles/{id}/candidacies', { path: { id: cycle.id } }) : [];
  const live = composition.seats.filter((s) => !s.endedAt);
  const today = new Date().toISOString().slice(0, 10);
  // The term of a seat, the same on the two forms that add one.
  const termFields: FormField[] = [
    {
      name: 'termStart',
      label: t('coord.committee.termStart'),
      dir: 'ltr',
      required: true,
      defaultValue: today,
      hint: t('coord.form.date'),
      maxLength: 10,
    },
    {
      name: 'termMonths',
      label: t('coord.committee.termMonths'),
      dir: 'ltr',
      required: true,
      defaultValue: '24',
      hint: t('coord.committee.termHint'),
      maxLength: 2,
    },
  ];
  const scoreFields: FormField[] = candidacies.slice(0, 200).map((c) => ({
    name: `score-${c.id}`,
    label: t('coord.committee.scoreOf', { organisation: c.organisation }),
    dir: 'ltr',
    defaultValue: c.score === null ? '' : String(c.score),
    hint: t(
      `coord.committee.status.${c.status === 'selected' || c.status === 'not_selected' ? c.status : 'submitted'}` as MessageKey,
    ),
    maxLength: 3,
  }));
  return (
    <section className="page-section" aria-labelledby="committee-title">
      <h1 id="committee-title">{t('coord.committee.title')}</h1>
      {search.selected === '1' || search.seat === '1' ? (
        <p className="form-done" role="status" id="committee-saved">
          {t(search.selected === '1' ? 'coord.committee.selected' : 'coord.committee.seatAdded')}
        </p>
      ) : null}
      <h2 id="composition-title">{t('coord.committee.composition')}</h2>
      <p
        id="committee-parity"
        className={composition.parity ? 'state-active' : 'state-inactive'}
        data-parity={composition.parity ? 'yes' : 'no'}
      >
        {t(composition.parity ? 'coord.committee.parityMet' : 'coord.committee.parityNotMet', {
          government: composition.government,
          civilSociety: composition.civilSociety,
        })}
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="composition-title">
        <table id="committee-seats">
          <thead>
            <tr>
              <th scope="col">{t('coord.committee.holder')}</th>
              <th scope="col">{t('coord.committee.sector')}</th>
              <th scope="col">{t('coord.committee.term')}</th>
            </tr>
          </thead>
          <tbody>
            {live.length === 0 ? (
              <tr>
                <td colSpan={3}>{t('common.none')}</td>
              </tr>
            ) : null}
            {live.map((s) => (
              <tr key={s.id} data-sector={s.sector}>
                <th scope="row" dir="auto">
                  {s.holder}
                </th>
                <td>{t(`coord.committee.sectors.${s.sector}` as MessageKey)}</td>
                <td>{t('common.dates', { start: f.date(s.termStart), end: f.date(s.termEnd) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="selection-title">{t('coord.committee.selection')}</h2>
      <CycleFilter
        action={`/${locale}/coordination/committee`}
        cycles={cycles.items}
        selected={cycle?.id}
        locale={locale}
        t={t}
      />
      <p className="muted">{t('coord.committee.selectionIntro')}</p>
      {candidacies.length === 0 ? (
        <p>{t('coord.committee.noCandidacies')}</p>
      ) : (
        <div className="narrow-wide">
          <ActionForm
            id="selection"
            action={selectCommittee}
            csrf={<CsrfField />}
            hidden={{ locale, cycleId: cycle?.id ?? '' }}
            submit={t('coord.committee.select')}
            fields={[
              ...scoreFields,
              {
                name: 'seats',
                label: t('coord.committee.seats'),
                dir: 'ltr',
                required: true,
                defaultValue: String(Math.max(1, composition.government)),
                hint: t('coord.committee.seatsHint'),
                maxLength: 2,
              },
              ...termFields,
            ]}
          />
        </div>
      )}

      <h2>{t('coord.committee.governmentSeat')}</h2>
      <div className="narrow-wide">
        <ActionForm
          id="government"
          action={addGovernmentSeat}
          csrf={<CsrfField />}
          hidden={{ locale, cycleId: cycle?.id ?? '' }}
          submit={t('coord.committee.addSeat')}
          fields={[
            {
              name: 'holder',
              label: t('coord.committee.holder'),
              dir: 'auto',
              required: true,
              maxLength: 200,
              hint: t('coord.committee.holderHint'),
            },
            ...termFields,
          ]}
        />
      </div>
    </section>
  );
}
