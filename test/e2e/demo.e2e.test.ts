// `npm run demo` in both browsers, as the README says it: the replica at https://x.com and the
// browser opening it with Sparekey, whose banner must be on the backup-code page. Run headless
// with --check, which exits once it has looked (non-zero when Sparekey showed nothing).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSER_NAMES, REPO_ROOT } from './harness/config';

function demo(browser: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(REPO_ROOT, 'test', 'replica', 'demo.mjs'), '--browser', browser, '--check', '--port', '0'],
      { cwd: REPO_ROOT, timeout: 90_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: stdout + stderr }),
    );
  });
}

describe.each(BROWSER_NAMES)('npm run demo -- --browser %s', (name) => {
  it('serves the replica at https://x.com and opens the browser there with Sparekey showing its banner', async () => {
    const { code, output } = await demo(name);
    expect(output).toMatch(/Headless check in .*: https:\/\/x\.com\/settings\/account\/login_verification\/backup_code; Sparekey at \S+: shows its banner/);
    expect(code, output).toBe(0);
  }, 120_000);
});
