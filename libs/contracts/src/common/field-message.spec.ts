import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { CreateWorkshopDto } from '../participation/workshop.dto';
import { ImportPlanDto } from '../commitments/import-plan.dto';
import { fieldMessage } from './field-message';
import { FIELD_MESSAGES } from './field-message.constant';
import { LANGUAGES } from './language.constant';
import { localizeDetails } from './localize-details';
import { validationIssues } from './validation-details';
import '../index';

describe('field messages in ar, fr and en', () => {
  it('every rule is worded in the three languages, each naming the field', () => {
    const withoutField = ['nothingToChange', 'emptyFile'];
    for (const [rule, texts] of Object.entries(FIELD_MESSAGES)) {
      for (const language of LANGUAGES) {
        expect([rule, language, texts[language].length > 5]).toEqual([rule, language, true]);
        if (!withoutField.includes(rule))
          expect([rule, language, texts[language].includes('{field}')]).toEqual([rule, language, true]);
      }
      expect(new Set(LANGUAGES.map((l) => texts[l])).size).toBe(3);
    }
  });

  it('every rule a shared DTO uses has its own wording (none falls back to "not valid")', () => {
    const byTarget = (getMetadataStorage() as unknown as { validationMetadatas: Map<Function, ValidationMetadata[]> })
      .validationMetadatas;
    const skipped: string[] = [
      ValidationTypes.CONDITIONAL_VALIDATION,
      ValidationTypes.WHITELIST,
      ValidationTypes.IS_DEFINED,
    ];
    const rules = new Set(
      [...byTarget.values()]
        .flat()
        .filter((m) => !skipped.includes(m.type))
        .map((m) => (m.context as { rule?: string } | undefined)?.rule ?? m.name ?? m.type),
    );
    expect(rules.size).toBeGreaterThan(20);
    expect([...rules].filter((r) => !FIELD_MESSAGES[r])).toEqual([]);
  });

  it('a DTO failure becomes issues with the rule values, worded per language with the field named', () => {
    const dto = plainToInstance(CreateWorkshopDto, {
      cycleId: 'x',
      title: { ar: '' },
      organiser: 'جمعية',
      institutions: [],
      startsAt: '2026-02-30T10:00:00Z',
      capacity: 0,
      number: 1,
      themeId: 'y',
      registrationOpensAt: '2026-01-01',
      registrationClosesAt: '2026-01-02',
      extra: 1,
    });
    const issues = validationIssues(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }));
    expect(issues).toEqual(
      expect.arrayContaining([
        { field: 'cycleId', rule: 'isUuid' },
        { field: 'title.ar', rule: 'isLength', args: [1, 300] },
        { field: 'startsAt', rule: 'isInstant' },
        { field: 'capacity', rule: 'min', args: [1] },
        { field: 'extra', rule: 'whitelistValidation' },
      ]),
    );
    const length = issues.find((i) => i.field === 'title.ar')!;
    expect(fieldMessage(length, 'en')).toBe('The field "title.ar" must be 1 to 300 characters long.');
    expect(fieldMessage(length, 'fr')).toBe('Le champ « title.ar » doit compter entre 1 et 300 caractères.');
    expect(fieldMessage(length, 'ar')).toBe('يجب أن يتراوح طول الحقل «title.ar» بين 1 و300 حرفا.');
  });

  it('a named format keeps its own rule and values', () => {
    const issues = validationIssues(
      validateSync(
        plainToInstance(ImportPlanDto, {
          programmeCode: 'bad code!',
          plan: { code: 'P', title: { ar: 'x' }, startDate: '2026-01-01', endDate: '2026-02-01' },
        }),
      ),
    );
    expect(issues).toEqual([{ field: 'programmeCode', rule: 'codeFormat', args: [32] }]);
    expect(fieldMessage(issues[0], 'en')).toBe(
      'The field "programmeCode" must be 1 to 32 Latin letters, digits, ".", "-" or "_".',
    );
  });

  it('details: issues become fields worded in the language, import rows get their message, the rest passes', () => {
    const details = {
      issues: [{ field: 'q', rule: 'noNulCharacter' }],
      errors: [{ row: 'line 4', field: 'endDate', rule: 'notBefore', args: ['startDate'] }],
      known: ['a'],
    };
    expect(localizeDetails(details, 'fr')).toEqual({
      fields: { q: ['Le champ « q » contient le caractère NUL, qui est interdit.'] },
      errors: [
        {
          row: 'line 4',
          field: 'endDate',
          rule: 'notBefore',
          args: ['startDate'],
          message: 'Le champ « endDate » ne doit pas précéder « startDate ».',
        },
      ],
      known: ['a'],
    });
    expect(localizeDetails({ retryAfterSeconds: 3 }, 'ar')).toEqual({ retryAfterSeconds: 3 });
  });
});
