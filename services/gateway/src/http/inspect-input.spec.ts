import { inspectInput, MAX_INPUT_DEPTH } from './inspect-input';

describe('inspectInput: one check over every incoming string', () => {
  it('finds a NUL in a value, a key, an array item, at any depth', () => {
    expect(inspectInput({ a: { b: ['ok', 'x\u0000'] } })).toEqual({ field: 'a.b.1', rule: 'noNulCharacter' });
    expect(inspectInput({ a: { 'k\u0000': 1 } })).toEqual({ field: 'a', rule: 'noNulCharacter' });
    expect(inspectInput('\u0000')).toEqual({ field: '', rule: 'noNulCharacter' });
  });

  it('finds lone surrogates, high or low, and accepts pairs', () => {
    expect(inspectInput({ t: 'a\ud800' })).toEqual({ field: 't', rule: 'wellFormedText' });
    expect(inspectInput({ t: '\udc00a' })).toEqual({ field: 't', rule: 'wellFormedText' });
    expect(inspectInput({ t: '\udc00\ud800' })).toEqual({ field: 't', rule: 'wellFormedText' });
    expect(inspectInput({ t: 'نص 😀 \u0001\t' })).toBeUndefined();
  });

  it('refuses nesting deeper than any route needs, without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(inspectInput(deep)?.rule).toBe('maxDepth');
    let fits: unknown = 'x';
    for (let i = 0; i < MAX_INPUT_DEPTH; i++) fits = [fits];
    expect(inspectInput(fits)).toBeUndefined();
  });

  it('leaves numbers, booleans and null alone', () => {
    expect(inspectInput({ n: 1, b: true, z: null, u: undefined })).toBeUndefined();
  });
});
