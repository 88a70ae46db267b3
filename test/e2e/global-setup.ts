// Runs once before the e2e files: browsers present (installed from Debian when we may), and a
// build of the extension no older than its sources.
import { browserVersion, ensureBrowsers } from './harness/browsers';
import { ensureBuild } from './harness/build';

export default function setup(): void {
  const binaries = ensureBrowsers();
  for (const [name, binary] of Object.entries(binaries)) console.log(`[e2e] ${name}: ${binary} (${browserVersion(binary)})`);
  ensureBuild();
}
