import { createJiti } from 'jiti';
const j = createJiti(import.meta.url);
const m = await j.import(new URL(process.argv[2], import.meta.url).pathname);
await m.go();
