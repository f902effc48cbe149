import { DomainError, ErrorCode } from '@ogp/contracts';
import { normalizeForSearch } from '@ogp/runtime';
import { cardOf, changedFields, editableCard, pick, searchText } from './commitment-card';
import { assertDates } from './date-range';

describe('the commitment card rules', () => {
  it('searchText holds the number and every title, normalised', () => {
    expect(searchText(7, { ar: 'الحق', fr: 'Accès', en: 'Access' })).toBe(normalizeForSearch('7 الحق Accès Access'));
    expect(searchText(3, { ar: 'نص' })).toBe(normalizeForSearch('3 نص'));
  });

  it('cardOf keeps only the card’s own fields that are given', () => {
    expect(cardOf({ goal: 'g', description: undefined, title: 'not a card field' } as never)).toEqual({ goal: 'g' });
  });

  it('changedFields lists the fields an edit sets, never the id', () => {
    expect(changedFields({ id: 'x', goal: 'g', cost: undefined, title: { ar: 'a' } })).toEqual(['goal', 'title']);
  });

  it('editableCard shows dates as calendar days and merges the card', () => {
    const card = editableCard({
      card: { goal: 'g' },
      title: { ar: 'a' },
      start_date: new Date('2024-01-02T00:00:00Z'),
      end_date: new Date('2025-03-04T00:00:00Z'),
      ogp_values: ['x'],
      supporting_institution_ids: [],
    });
    expect(card).toEqual({
      goal: 'g',
      title: { ar: 'a' },
      startDate: '2024-01-02',
      endDate: '2025-03-04',
      ogpValues: ['x'],
      supportingInstitutionIds: [],
    });
    expect(pick(card, ['goal', 'cost'])).toEqual({ goal: 'g', cost: null });
  });

  it('assertDates refuses an end before the start, and accepts one day', () => {
    expect(() => assertDates('2024-01-01', '2024-01-01', 'plan')).not.toThrow();
    try {
      assertDates('2024-01-02', '2024-01-01', 'plan');
      fail('expected a refusal');
    } catch (err) {
      expect((err as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
      expect((err as DomainError).message).toContain('plan');
    }
  });
});
