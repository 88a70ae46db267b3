// Loaded by popup.html before its modules: sends the popup's first questions (src/ui/early-asks.ts).
import { askEarly } from '../src/ui/early-asks';

export default defineUnlistedScript(() => askEarly());
