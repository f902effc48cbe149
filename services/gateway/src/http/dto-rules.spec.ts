import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import '@ogp/contracts';
import '../gateway.module';

/** Every DTO the gateway validates (libs/contracts and its own), read from class-validator's registry. */
function allMetadata(): ValidationMetadata[] {
  const byTarget = (getMetadataStorage() as unknown as { validationMetadatas: Map<Function, ValidationMetadata[]> })
    .validationMetadatas;
  return [...byTarget.values()].flat();
}

const where = (m: ValidationMetadata) => `${(m.target as Function).name}.${m.propertyName}`;

describe('DTO rules that keep bad input from the database', () => {
  it('sees the DTOs', () => {
    expect(new Set(allMetadata().map((m) => (m.target as Function).name)).size).toBeGreaterThan(40);
    expect(allMetadata().map(where)).toEqual(
      expect.arrayContaining(['CreateProgrammeDto.name', 'ImportPlanDto.plan', 'RegisterDto.language']),
    );
  });

  it('every nested object, and every item of a nested list, is checked to be an object: missing, null or an array is refused, not skipped', () => {
    const metas = allMetadata();
    const nested = metas.filter((m) => m.type === ValidationTypes.NESTED_VALIDATION);
    expect(nested.length).toBeGreaterThan(30);
    // For a list, each item: [[{...}]] would otherwise be validated as a list of objects and reach the service.
    const unchecked = nested.filter(
      (n) =>
        !metas.some(
          (m) =>
            m.target === n.target &&
            m.propertyName === n.propertyName &&
            m.name === 'isObject' &&
            !!m.each === !!n.each,
        ),
    );
    expect(unchecked.map(where)).toEqual([]);
  });

  it("no field uses class-validator's IsOptional, which lets null through to NOT NULL columns", () => {
    const nullTolerant = allMetadata().filter(
      (m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION && m.name === 'isOptional',
    );
    expect(nullTolerant.map(where)).toEqual([]);
  });

  it('every date field uses the calendar check', () => {
    const dateLike = allMetadata().filter(
      (m) => /(Date|On|At|Start)$/.test(m.propertyName) && m.type !== ValidationTypes.CONDITIONAL_VALIDATION,
    );
    expect(dateLike.length).toBeGreaterThan(10);
    const unchecked = dateLike.filter(
      (d) =>
        !allMetadata().some(
          (m) =>
            m.target === d.target &&
            m.propertyName === d.propertyName &&
            (m.name === 'isCalendarDate' || m.name === 'isInstant'),
        ),
    );
    expect([...new Set(unchecked.map(where))]).toEqual([]);
  });
});
