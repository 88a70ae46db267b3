// Tiny structural validators for message bodies. Everything arriving over runtime messaging is
// untrusted input (a compromised renderer can send anything), so each body is checked and copied
// into a fresh object holding only the declared fields.

export class InvalidMessage extends Error {
  override name = 'InvalidMessage';
}

export type Check<T> = (value: unknown, path: string) => T;

const fail = (path: string, what: string): never => {
  throw new InvalidMessage(`${path} must be ${what}`);
};

export const str =
  (max = 1_000, min = 0): Check<string> =>
  (v, path) =>
    typeof v === 'string' && v.length <= max && v.length >= min
      ? v
      : fail(path, `a string of ${min}–${max} characters`);

export const int =
  (lo: number, hi: number): Check<number> =>
  (v, path) =>
    Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi
      ? (v as number)
      : fail(path, `an integer from ${lo} to ${hi}`);

export const bool: Check<boolean> = (v, path) => (typeof v === 'boolean' ? v : fail(path, 'true or false'));

export const literal =
  <T extends string | boolean>(value: T): Check<T> =>
  (v, path) =>
    v === value ? value : fail(path, JSON.stringify(value));

export const oneOf =
  <T extends string>(values: readonly T[]): Check<T> =>
  (v, path) =>
    values.includes(v as T) ? (v as T) : fail(path, `one of ${values.join(', ')}`);

export const list =
  <T>(item: Check<T>, max: number): Check<T[]> =>
  (v, path) => {
    if (!Array.isArray(v) || v.length > max) fail(path, `a list of at most ${max} items`);
    return (v as unknown[]).map((x, i) => item(x, `${path}[${i}]`));
  };

export const optional =
  <T>(check: Check<T>): Check<T | undefined> =>
  (v, path) =>
    v === undefined ? undefined : check(v, path);

export const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (v, path) =>
    v === null ? null : check(v, path);

type Shape = Record<string, Check<unknown>>;
type Out<S extends Shape> = { [K in keyof S as undefined extends ReturnType<S[K]> ? never : K]: ReturnType<S[K]> } & {
  [K in keyof S as undefined extends ReturnType<S[K]> ? K : never]?: Exclude<ReturnType<S[K]>, undefined>;
};

export const object =
  <S extends Shape>(shape: S): Check<Out<S>> =>
  (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'an object');
    const input = v as Record<string, unknown>;
    for (const key of Object.keys(input)) if (!(key in shape)) fail(`${path}.${key}`, 'absent');
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      const value = check(input[key], `${path}.${key}`);
      if (value !== undefined) out[key] = value;
    }
    return out as Out<S>;
  };

/** The checked copy of `value`, or null when `check` refuses it (for receivers that answer nothing). */
export function parse<T>(check: Check<T>, value: unknown, path = 'body'): T | null {
  try {
    return check(value, path);
  } catch (e) {
    if (e instanceof InvalidMessage) return null;
    throw e;
  }
}
