// Structural mutations of JSON values for the adversarial fuzz tests: replace a value anywhere
// with an odd one, delete it, add a key (including "__proto__" as an own key, as JSON.parse makes
// it), wrap it in a list, turn it into its JSON text, or copy the same field from a sibling
// record (duplicate ids, seqs, values).
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value inside `v` (arrays by index), the root included. */
export function paths(v: Json, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

export const odd: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53, '', 'x', [], {}, '__proto__', 'AAAA', 'AAAAAAAAAAAAAAAAAAAAAA==', 'argon2id', 1, 2, 16, 32, 65536),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

export type Edit =
  | { kind: 'set'; value: Json }
  | { kind: 'delete' }
  | { kind: 'add'; key: string; value: Json }
  | { kind: 'wrap' }
  | { kind: 'stringify' }
  /** The same field of another element of the same list: duplicate ids, seqs, values. */
  | { kind: 'twin'; other: number }
  /** Like twin, aimed: records `which` and `other` of `list` share `key`. */
  | { kind: 'clash'; list: 'accounts' | 'codes' | 'events'; key: string; which: number; other: number };
export const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: odd.map((value) => ({ kind: 'set', value }) as const) },
  { weight: 3, arbitrary: fc.nat().map((other) => ({ kind: 'twin', other }) as const) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('accounts', 'codes', 'events'), fc.constantFrom('id', 'seq', 'value', 'accountId', 'label', 'status'), fc.nat(), fc.nat())
      .map(([list, key, which, other]) => ({ kind: 'clash', list, key, which, other }) as const),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'delete' } as const) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('__proto__', 'constructor', 'extra', 'v', 'id', 'status'), odd).map(([key, value]) => ({ kind: 'add', key, value }) as const) },
  { weight: 1, arbitrary: fc.constant({ kind: 'wrap' } as const) },
  { weight: 1, arbitrary: fc.constant({ kind: 'stringify' } as const) },
);

/**
 * `root` with `edits` applied at the chosen paths (each index picks among the current paths).
 * Inserted values are copies: fast-check hands the same constant objects ([] and {} in `odd`) to
 * many runs, and a later edit changes what it inserts into (shared, they grew run after run).
 */
export function mutate(root: Json, edits: ReadonlyArray<[number, Edit]>): Json {
  let doc = structuredClone(root);
  for (const [pick, e] of edits) {
    if (e.kind === 'clash') {
      const list = doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? doc[e.list] : undefined;
      if (Array.isArray(list) && list.length > 1) {
        const [a, b] = [list[e.which % list.length], list[e.other % list.length]];
        if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b) && Object.hasOwn(b, e.key))
          a[e.key] = structuredClone(b[e.key]!);
      }
      continue;
    }
    const all = paths(doc);
    const at = all[pick % all.length]!;
    if (at.length === 0) {
      doc = e.kind === 'set' ? structuredClone(e.value) : e.kind === 'wrap' ? [doc] : e.kind === 'stringify' ? JSON.stringify(doc) : doc;
      continue;
    }
    const parent = at.slice(0, -1).reduce<any>((o, k) => o[k], doc);
    const key = at[at.length - 1]!;
    if (e.kind === 'twin') {
      // parent is a record inside a list: take the same key from another record of that list.
      const list = at.length >= 2 ? at.slice(0, -2).reduce<any>((o, k) => o[k], doc) : undefined;
      if (Array.isArray(list) && list.length > 1) {
        const sibling = list[e.other % list.length];
        if (sibling !== null && typeof sibling === 'object' && Object.hasOwn(sibling, key)) parent[key] = structuredClone(sibling[key]);
      }
    } else if (e.kind === 'set') parent[key] = structuredClone(e.value);
    else if (e.kind === 'delete') Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key];
    else if (e.kind === 'wrap') parent[key] = [parent[key]];
    else if (e.kind === 'stringify') parent[key] = JSON.stringify(parent[key]);
    else if (parent[key] !== null && typeof parent[key] === 'object' && !Array.isArray(parent[key]))
      // Own property named "__proto__" as JSON.parse would make it, not a prototype change.
      Object.defineProperty(parent[key], e.key, { value: structuredClone(e.value), enumerable: true, writable: true, configurable: true });
  }
  return doc;
}

export const edits = fc.array(fc.tuple(fc.nat(), edit), { minLength: 1, maxLength: 4 });


/** Whether anything reached Object.prototype (a "__proto__" key handled as a prototype). */
export const polluted = (): boolean => ({} as Record<string, unknown>).polluted !== undefined || Object.keys(Object.prototype).length > 0;
