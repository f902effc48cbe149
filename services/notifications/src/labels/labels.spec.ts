import { ALERT_KINDS, COMPLETION_LEVELS, LANGUAGES, PHASE_KINDS, PUBLICATION_KINDS, ROLES } from '@ogp/contracts';
import { ALERT_KIND_LABELS } from './alert-kind-labels.constant';
import { COMPLETION_LEVEL_LABELS } from './completion-level-labels.constant';
import { FATE_STEP_LABELS, fateStepLabel } from './fate-step-labels.constant';
import { PHASE_LABELS } from './phase-labels.constant';
import { PUBLICATION_KIND_LABELS } from './publication-kind-labels.constant';
import { ROLE_LABELS, roleList } from './role-labels.constant';
import { FATE_STEPS } from '../../test/fate-steps';

describe('label tables', () => {
  it.each([
    ['fate steps', FATE_STEP_LABELS, FATE_STEPS],
    ['roles', ROLE_LABELS, ROLES],
    ['alert kinds', ALERT_KIND_LABELS, ALERT_KINDS],
    ['completion levels', COMPLETION_LEVEL_LABELS, COMPLETION_LEVELS],
    ['phases', PHASE_LABELS, PHASE_KINDS],
    ['publication kinds', PUBLICATION_KIND_LABELS, PUBLICATION_KINDS],
  ] as [string, Record<string, Record<string, string>>, readonly string[]][])(
    '%s: every code has a distinct label in every language, Arabic ones in Arabic script',
    (_name, table, codes) => {
      expect(Object.keys(table).sort()).toEqual([...codes].sort());
      for (const language of LANGUAGES) {
        const labels = codes.map((c) => table[c][language]);
        for (const label of labels) {
          expect(label.trim().length).toBeGreaterThan(0);
          expect(label).not.toContain('_');
          if (language === 'ar') expect(label).not.toMatch(/[A-Za-z]/);
        }
        expect(new Set(labels).size).toBe(labels.length);
      }
    },
  );

  it('roles read as one phrase in the reader language; an unknown code is shown as is', () => {
    expect(roleList(['project_manager', 'committee_member'], 'fr')).toBe(
      'chef de projet et membre du comité de pilotage',
    );
    expect(roleList(['cso'], 'ar')).toBe('جمعية من المجتمع المدني');
    expect(fateStepLabel('archived', 'en')).toBe('archived');
  });
});
