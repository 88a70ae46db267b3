// X's switch from the authenticator-app step to the backup-code step, against a fake page: the
// live DOM version runs in test/unit/content/chip.test.ts (X's fixtures) and the e2e journeys.
import { describe, expect, it, vi } from 'vitest';
import { isBackupStep, STEP_MS, switchToBackup, type MethodChoicePage } from '../../../src/sites/x/method-choice';
import type { Challenge, MethodChoice } from '../../../src/sites/types';

const el = <T>(extra: object = {}) => ({ click: vi.fn(), ...extra }) as unknown as T;

function step(mode: Challenge['mode'], input = el<HTMLInputElement>()): Challenge {
  return { mode, input, submit: el<HTMLElement>(), container: el<Element>(), switchMethod: mode === 'app' ? el<HTMLElement>() : null };
}

/** A page that shows `screens` in turn: each click on the expected control moves it on. */
function fakePage(options: { choice?: MethodChoice | null; next?: Challenge | null; nextEnabled?: boolean } = {}) {
  const clicks: string[] = [];
  let shown: 'app' | 'choice' | 'next' = 'app';
  const choice = options.choice === undefined ? { backup: el<HTMLInputElement>({ checked: false }), submit: el<HTMLElement>(), container: el<Element>() } : options.choice;
  const next = options.next === undefined ? step('backup') : options.next;
  const waits: number[] = [];
  const page: MethodChoicePage = {
    methodChoice: () => (shown === 'choice' ? choice : null),
    challenge: () => (shown === 'next' ? next : null),
    until: async (fn, timeoutMs) => {
      waits.push(timeoutMs);
      return fn() || null;
    },
    clickWhenEnabled: async (button) => {
      if (options.nextEnabled === false) return false;
      clicks.push('next');
      if (button === choice?.submit) shown = 'next';
      return true;
    },
  };
  return {
    page,
    clicks,
    waits,
    choice,
    next,
    openChoice: (from: Challenge) =>
      vi.mocked(from.switchMethod!.click).mockImplementation(() => {
        clicks.push('switch');
        shown = 'choice';
      }),
  };
}

describe("X's method switch", () => {
  it('clicks "choose a different method", the backup-code option, then Next, and returns the backup-code step', async () => {
    const from = step('app');
    const fake = fakePage();
    fake.openChoice(from);
    vi.mocked(fake.choice!.backup!.click).mockImplementation(() => void fake.clicks.push('radio'));
    expect(await switchToBackup(from, fake.page)).toBe(fake.next);
    expect(fake.clicks).toEqual(['switch', 'radio', 'next']);
    expect(fake.waits).toEqual([STEP_MS, STEP_MS]);
  });

  it('leaves a backup option X already chose as it is', async () => {
    const from = step('app');
    const fake = fakePage({ choice: { backup: el<HTMLInputElement>({ checked: true }), submit: el<HTMLElement>(), container: el<Element>() } });
    fake.openChoice(from);
    expect(await switchToBackup(from, fake.page)).toBe(fake.next);
    expect(fake.choice!.backup!.click).not.toHaveBeenCalled();
  });

  it('gives up, clicking nothing more, without a link, a choice screen, a backup option or an enabled Next', async () => {
    expect(await switchToBackup({ ...step('app'), switchMethod: null }, fakePage().page)).toBeNull();

    const noScreen = step('app');
    const blank = fakePage({ choice: null });
    blank.openChoice(noScreen);
    expect(await switchToBackup(noScreen, blank.page)).toBeNull();
    expect(blank.clicks).toEqual(['switch']);

    const noOption = step('app');
    const other = fakePage({ choice: { backup: null, submit: el<HTMLElement>(), container: el<Element>() } });
    other.openChoice(noOption);
    expect(await switchToBackup(noOption, other.page)).toBeNull();
    expect(other.clicks).toEqual(['switch']);

    const stuck = step('app');
    const disabled = fakePage({ nextEnabled: false });
    disabled.openChoice(stuck);
    expect(await switchToBackup(stuck, disabled.page)).toBeNull();
    expect(disabled.clicks).toEqual(['switch']);
  });

  it('waits for a new input asking for a backup code (or a code it cannot name), never the app step again or the e-mailed code', async () => {
    const from = step('app');
    expect(isBackupStep(step('backup'), from)).toBe(true);
    expect(isBackupStep(step('unknown'), from)).toBe(true);
    expect(isBackupStep(step('app'), from)).toBe(false);
    expect(isBackupStep(step('email'), from)).toBe(false);
    expect(isBackupStep({ ...step('backup'), input: from.input }, from)).toBe(false);
    expect(isBackupStep(null, from)).toBe(false);

    const fake = fakePage({ next: step('email') });
    fake.openChoice(from);
    expect(await switchToBackup(from, fake.page)).toBeNull();
  });

  it("takes the backup step itself when the link shows it with no choice screen (GitHub's recovery form swapped in)", async () => {
    const from = step('app');
    const fake = fakePage();
    vi.mocked(from.switchMethod!.click).mockImplementation(() => {
      fake.clicks.push('switch');
      // The page now shows the next step directly.
      (fake.page as { challenge: () => Challenge | null }).challenge = () => fake.next;
    });
    expect(await switchToBackup(from, fake.page)).toBe(fake.next);
    expect(fake.clicks).toEqual(['switch']);
    expect(fake.waits).toEqual([STEP_MS]);
  });
});
