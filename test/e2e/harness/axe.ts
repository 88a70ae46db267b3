// Runs axe-core in a page. The library's source is injected through the automation protocol, so
// pages with a strict CSP (our extension pages: script-src 'self') accept it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeViolation, TestPage } from './types';

let axeSource: string | undefined;

export interface AxeOptions {
  /** CSS selector of the part to check; default the whole document. */
  include?: string;
  /** axe rule ids to turn off, each with a reason in the calling test. */
  disableRules?: string[];
}

export async function runAxe(page: TestPage, options: AxeOptions = {}): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluateScript(`${axeSource};void 0`);
  return page.evaluate(async (include: string | null, disabled: string[]) => {
    const axe = (globalThis as unknown as { axe: AxeRuntime }).axe;
    const rules: Record<string, { enabled: boolean }> = {};
    for (const id of disabled) rules[id] = { enabled: false };
    const results = await axe.run(include ? { include: [include] } : document, { rules, resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, options.include ?? null, options.disableRules ?? []);
}

/** The slice of axe's API used above (axe-core's own types describe the Node module, not the global). */
interface AxeRuntime {
  run(
    context: unknown,
    options: { rules: Record<string, { enabled: boolean }>; resultTypes: string[] },
  ): Promise<{
    violations: { id: string; impact?: string | null; help: string; helpUrl: string; nodes: { target: string[] }[] }[];
  }>;
}

/** One line per violation, for assertion messages. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.targets.join(', ')}`).join('\n');
}
