import { getMetadataStorage, IsInt, IsString, MaxLength, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Idea {
  @IsString()
  @MaxLength(10)
  title!: string;
}

class WorkshopIdea extends Idea {
  @IsInt()
  participants!: number;
}

const failing = (object: object) =>
  validateSync(object)
    .map(
      (e) =>
        `${e.property}:${Object.keys(e.constraints ?? {})
          .sort()
          .join(',')}`,
    )
    .sort();

describe('cacheValidationMetadata', () => {
  beforeAll(() => cacheValidationMetadata());

  it('keeps the rules found for a class and options (the same list is handed back), once installed', () => {
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Idea, '', false, false);
    expect(storage.getTargetValidationMetadatas(Idea, '', false, false)).toBe(first);
    expect(storage.getTargetValidationMetadatas(Idea, '', false, false, ['other'])).not.toBe(first);
    expect(cacheValidationMetadata()).toBe(false);
  });

  it('validates as class-validator does, inherited rules included', () => {
    expect(failing(Object.assign(new Idea(), { title: 'x'.repeat(11) }))).toEqual(['title:maxLength']);
    expect(failing(Object.assign(new WorkshopIdea(), { title: 42, participants: 'many' }))).toEqual([
      'participants:isInt',
      'title:isString,maxLength',
    ]);
    expect(failing(Object.assign(new WorkshopIdea(), { title: 'ok', participants: 3 }))).toEqual([]);
  });

  it('a rule added after the rules were looked up applies at once (to the class and to its subclasses)', () => {
    class Late {
      @IsString()
      name!: string;
      code!: unknown;
    }
    class LateChild extends Late {}
    expect(failing(Object.assign(new Late(), { name: 'a', code: 7 }))).toEqual([]);
    expect(failing(Object.assign(new LateChild(), { name: 'a', code: 7 }))).toEqual([]);
    IsString()(Late.prototype, 'code');
    expect(failing(Object.assign(new Late(), { name: 'a', code: 7 }))).toEqual(['code:isString']);
    expect(failing(Object.assign(new LateChild(), { name: 'a', code: 7 }))).toEqual(['code:isString']);
  });
});
