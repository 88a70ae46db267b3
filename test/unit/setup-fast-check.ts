// A safety net under test/unit/property.ts: outside `npm run fuzz`, fast-check's global seed is
// fixed, so even a property that does not go through property() tests the same inputs every run.
import fc from 'fast-check';
import { FUZZ, SEED_BASE, seedOf } from './property';

if (!FUZZ) fc.configureGlobal({ seed: seedOf(SEED_BASE) });
