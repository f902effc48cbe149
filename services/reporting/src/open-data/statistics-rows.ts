import { CycleStatistics, Localized } from '@ogp/contracts';

/** One line of the statistics dataset: a stable measure id, what it counts, its value. */
export interface StatisticsRow {
  measure: string;
  label: Localized;
  value: number;
}

const L = (ar: string, fr: string, en: string): Localized => ({ ar, fr, en });

/** The co-creation statistics as measure/value lines (the seed's tables, computed by the participation service). */
export function statisticsRows(s: CycleStatistics): StatisticsRow[] {
  const rows: StatisticsRow[] = [
    {
      measure: 'portal.with_proposals',
      label: L(
        'المشاركون عبر البوابة بمقترحات',
        'Participants du portail ayant proposé',
        'Portal participants with proposals',
      ),
      value: s.portal.withProposals,
    },
    {
      measure: 'portal.interacting',
      label: L(
        'المشاركون المتفاعلون عبر البوابة',
        'Participants du portail ayant interagi',
        'Portal participants interacting',
      ),
      value: s.portal.interacting,
    },
    {
      measure: 'portal.total',
      label: L('مجموع المشاركين عبر البوابة', 'Total des participants du portail', 'Portal participants in all'),
      value: s.portal.total,
    },
  ];
  for (const w of s.workshops) {
    rows.push(
      {
        measure: `workshop.${w.number}.registered`,
        label: L(
          `المسجلون في الورشة ${w.number}`,
          `Inscrits à l’atelier ${w.number}`,
          `Registered for workshop ${w.number}`,
        ),
        value: w.registered,
      },
      {
        measure: `workshop.${w.number}.present`,
        label: L(
          `الحاضرون في الورشة ${w.number}`,
          `Présents à l’atelier ${w.number}`,
          `Present at workshop ${w.number}`,
        ),
        value: w.present,
      },
    );
  }
  rows.push(
    {
      measure: 'workshops.present_total',
      label: L('مجموع الحاضرين في الورشات', 'Total des présents aux ateliers', 'Present at workshops in all'),
      value: s.workshopsPresentTotal,
    },
    {
      measure: 'participants.total',
      label: L('مجموع المشاركين', 'Total des participants', 'Participants in all'),
      value: s.participantsTotal,
    },
  );
  for (const t of s.ideasByTheme) {
    rows.push(
      {
        measure: `theme.${t.themeNumber}.ideas_portal`,
        label: L(
          `مقترحات المحور ${t.themeNumber} عبر البوابة`,
          `Propositions du thème ${t.themeNumber} par le portail`,
          `Theme ${t.themeNumber} proposals through the portal`,
        ),
        value: t.portal,
      },
      {
        measure: `theme.${t.themeNumber}.ideas_workshop`,
        label: L(
          `مقترحات المحور ${t.themeNumber} من الورشات`,
          `Propositions du thème ${t.themeNumber} en atelier`,
          `Theme ${t.themeNumber} proposals from workshops`,
        ),
        value: t.workshop,
      },
    );
  }
  rows.push(
    {
      measure: 'ideas.portal',
      label: L('المقترحات عبر البوابة', 'Propositions par le portail', 'Proposals through the portal'),
      value: s.ideas.portal,
    },
    {
      measure: 'ideas.workshop',
      label: L('المقترحات من الورشات', 'Propositions en atelier', 'Proposals from workshops'),
      value: s.ideas.workshop,
    },
    {
      measure: 'ideas.total',
      label: L('مجموع المقترحات', 'Total des propositions', 'Proposals in all'),
      value: s.ideas.total,
    },
    {
      measure: 'fate.accepted',
      label: L('المقترحات المقبولة', 'Propositions acceptées', 'Proposals accepted'),
      value: s.fate.accepted,
    },
    {
      measure: 'fate.rejected',
      label: L('المقترحات المرفوضة', 'Propositions rejetées', 'Proposals rejected'),
      value: s.fate.rejected,
    },
    {
      measure: 'fate.retained',
      label: L('المقترحات المحتفظ بها', 'Propositions retenues', 'Proposals retained'),
      value: s.fate.retained,
    },
    {
      measure: 'fate.not_retained',
      label: L('المقترحات غير المحتفظ بها', 'Propositions non retenues', 'Proposals not retained'),
      value: s.fate.notRetained,
    },
    {
      measure: 'fate.published',
      label: L('المآلات المنشورة', 'Sorts publiés', 'Fates published'),
      value: s.fate.published,
    },
    {
      measure: 'proposed_commitments',
      label: L('الالتزامات المقترحة', 'Engagements proposés', 'Proposed commitments'),
      value: s.proposedCommitments,
    },
    { measure: 'institutions', label: L('المؤسسات', 'Institutions', 'Institutions'), value: s.institutions },
    {
      measure: 'consultation.weeks',
      label: L('مدة الاستشارة (أسابيع)', 'Durée de la consultation (semaines)', 'Consultation length (weeks)'),
      value: s.consultation.weeks,
    },
    {
      measure: 'consultation.days',
      label: L('مدة الاستشارة (أيام)', 'Durée de la consultation (jours)', 'Consultation length (days)'),
      value: s.consultation.days,
    },
    {
      measure: 'consultation.participants',
      label: L('المشاركون في الاستشارة', 'Participants à la consultation', 'Consultation participants'),
      value: s.consultation.participants,
    },
    {
      measure: 'consultation.comments',
      label: L('تعليقات الاستشارة', 'Commentaires de la consultation', 'Consultation comments'),
      value: s.consultation.comments,
    },
  );
  return rows;
}
