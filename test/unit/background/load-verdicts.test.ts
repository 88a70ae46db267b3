// The tab's next load after a submit on GitHub decides the filled code: once, for that tab only,
// on the same origin, and not after a minute.
import { describe, expect, it } from 'vitest';
import { AWAIT_LOAD_MS, AwaitedLoads } from '../../../src/background/load-verdicts';

function loads() {
  let now = 1_000;
  const l = new AwaitedLoads(() => now);
  return { l, tick: (ms: number) => (now += ms) };
}

describe('AwaitedLoads', () => {
  it('judges the next load of the tab by the site: accepted at /, rejected at the 2FA form again', () => {
    const { l } = loads();
    l.expect(7, 'https://github.com', 'res-1', ['/']);
    expect(l.take(7, 'https://github.com/')).toEqual({ reservationId: 'res-1', origin: 'https://github.com', outcome: 'accepted' });
    l.expect(7, 'https://github.com', 'res-2', ['/']);
    expect(l.take(7, 'https://github.com/sessions/two-factor/recovery')?.outcome).toBe('rejected');
  });

  it('judges once, and only the tab that submitted', () => {
    const { l } = loads();
    l.expect(7, 'https://github.com', 'res-1', ['/']);
    expect(l.take(8, 'https://github.com/')).toBeUndefined();
    expect(l.take(7, 'https://github.com/')?.outcome).toBe('accepted');
    expect(l.take(7, 'https://github.com/')).toBeUndefined();
  });

  it('calls a load elsewhere (another host, a lookalike, no URL) unknown', () => {
    const { l } = loads();
    for (const url of ['https://github.com.evil.test/', 'https://example.com/', undefined]) {
      l.expect(7, 'https://github.com', 'res-1', ['/']);
      expect(l.take(7, url)?.outcome, String(url)).toBe('unknown');
    }
  });

  it('forgets a submit whose load never came within a minute, and a closed tab', () => {
    const { l, tick } = loads();
    l.expect(7, 'https://github.com', 'res-1', ['/']);
    tick(AWAIT_LOAD_MS + 1);
    expect(l.take(7, 'https://github.com/')).toBeUndefined();
    l.expect(7, 'https://github.com', 'res-2', ['/']);
    l.forget(7);
    expect(l.take(7, 'https://github.com/')).toBeUndefined();
  });

  it("judges a load on another origin of the same site (Google's sign-in continues to myaccount.google.com), and not on another Google service", () => {
    const { l } = loads();
    l.expect(7, 'https://accounts.google.com', 'res-1', []);
    expect(l.take(7, 'https://myaccount.google.com/')).toEqual({ reservationId: 'res-1', origin: 'https://accounts.google.com', outcome: 'accepted' });
    l.expect(7, 'https://accounts.google.com', 'res-2', []);
    expect(l.take(7, 'https://accounts.google.com/v3/signin/challenge/bc')?.outcome).toBe('rejected');
    for (const url of ['https://mail.google.com/mail/', 'https://myaccount.google.com.evil.test/']) {
      l.expect(7, 'https://accounts.google.com', 'res-3', []);
      expect(l.take(7, url)?.outcome, url).toBe('unknown');
    }
  });

  it("judges GitLab's answer to its one-field 2FA form: the sign-in again is a refusal, the stored location (any gitlab.com page) acceptance", () => {
    const { l } = loads();
    l.expect(7, 'https://gitlab.com', 'res-1', ['/']);
    expect(l.take(7, 'https://gitlab.com/users/sign_in')).toEqual({ reservationId: 'res-1', origin: 'https://gitlab.com', outcome: 'rejected' });
    l.expect(7, 'https://gitlab.com', 'res-2', ['/']);
    expect(l.take(7, 'https://gitlab.com/group/project/-/merge_requests')?.outcome).toBe('accepted');
    for (const url of ['https://about.gitlab.com/', 'https://gitlab.com.evil.test/']) {
      l.expect(7, 'https://gitlab.com', 'res-3', ['/']);
      expect(l.take(7, url)?.outcome, url).toBe('unknown');
    }
  });

  it('says a tab awaits its load from the submit until the load is judged, forgotten, or a minute passed', () => {
    const { l, tick } = loads();
    expect(l.awaits(7)).toBe(false);
    l.expect(7, 'https://github.com', 'res-1', ['/']);
    expect(l.awaits(7)).toBe(true);
    expect(l.awaits(8)).toBe(false);
    l.take(7, 'https://github.com/');
    expect(l.awaits(7)).toBe(false);
    l.expect(7, 'https://github.com', 'res-2', ['/']);
    tick(AWAIT_LOAD_MS + 1);
    expect(l.awaits(7)).toBe(false);
    l.expect(7, 'https://github.com', 'res-3', ['/']);
    l.forget(7);
    expect(l.awaits(7)).toBe(false);
  });
});
