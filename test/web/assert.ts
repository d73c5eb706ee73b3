// A small assert for the web worker extension host, which has no Node `assert` (nor any Node module).
export class AssertionError extends Error {}

const show = (v: unknown) => { try { return JSON.stringify(v); } catch { return String(v); } };

export function ok(value: unknown, message = 'expected a truthy value'): asserts value {
  if (!value) throw new AssertionError(message);
}

export function equal<T>(actual: T, expected: T, message?: string): void {
  if (actual !== expected) throw new AssertionError(`${message ? message + ': ' : ''}expected ${show(expected)}, got ${show(actual)}`);
}

/** Equal as JSON (plain data: arrays, objects, strings, numbers). */
export function deepEqual(actual: unknown, expected: unknown, message?: string): void {
  if (show(actual) !== show(expected)) throw new AssertionError(`${message ? message + ': ' : ''}expected ${show(expected)}, got ${show(actual)}`);
}

export function match(actual: string, pattern: RegExp, message?: string): void {
  if (!pattern.test(actual)) throw new AssertionError(`${message ? message + ': ' : ''}${show(actual.slice(0, 300))} does not match ${pattern}`);
}
