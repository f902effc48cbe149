import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, ValidateNested } from 'class-validator';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- class-transformer's own type for a class
type ClassThunk = () => new (...args: any[]) => object;

/** Applies decorators as if written one above the other, the last one first (as TypeScript does). */
function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorate of [...decorators].reverse()) decorate(target, key);
  };
}

/** An object field checked against its DTO class (`type` is a thunk: the class may come later in the file). */
export function NestedObject(type: ClassThunk): PropertyDecorator {
  return stacked(IsObject(), ValidateNested(), Type(type));
}

/** A list of at most `max` objects, each checked against its DTO class. */
export function NestedList(type: ClassThunk, max: number): PropertyDecorator {
  return stacked(IsArray(), ArrayMaxSize(max), IsObject({ each: true }), ValidateNested({ each: true }), Type(type));
}
