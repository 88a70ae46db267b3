// The content scripts of the sites read on request follow their grants: registered while granted,
// unregistered once revoked, replaced when stale, and nothing else touched.
import { describe, expect, it } from 'vitest';
import { GRANTED_SCRIPT, scriptIdOf, syncSiteScripts, type RegisteredScript, type SiteAccessPort } from '../../../src/background/site-access';
import { ON_REQUEST_SITES, siteById } from '../../../src/sites/index';

function fakePort(granted: Set<string>, scripts: RegisteredScript[] = []) {
  const calls: string[] = [];
  const port: SiteAccessPort = {
    granted: async (matches) => matches.every((m) => granted.has(m)),
    registered: async () => scripts.map((s) => ({ ...s })),
    register: async (list) => {
      for (const s of list) {
        if (scripts.some((x) => x.id === s.id)) throw new Error(`duplicate script id ${s.id}`);
        scripts.push(s);
        calls.push(`register ${s.id} ${s.matches.join(',')} ${s.js.join(',')}`);
      }
    },
    unregister: async (ids) => {
      for (const id of ids) scripts.splice(scripts.findIndex((s) => s.id === id), 1);
      calls.push(`unregister ${ids.join(',')}`);
    },
  };
  return { port, calls, scripts };
}

const github = siteById('github')!;
const google = siteById('google')!;
const gitlab = siteById('gitlab')!;
const mozilla = siteById('mozilla')!;
const GOOGLE_OFF = { site: 'google', granted: false, registered: false };
const GITLAB_OFF = { site: 'gitlab', granted: false, registered: false };
const MOZILLA_UNGRANTED = { site: 'mozilla', granted: false, registered: false };
const proton = siteById('proton')!;
const PROTON_OFF = { site: 'proton', granted: false, registered: false };

describe('syncSiteScripts', () => {
  it('is about the sites read on request only: GitHub, Google, GitLab, Proton and the Mozilla account, not X', () => {
    expect(ON_REQUEST_SITES).toEqual([github, google, gitlab, proton, mozilla]);
  });

  it('registers the watcher for a granted site, for exactly its origins', async () => {
    const { port, calls } = fakePort(new Set(['https://github.com/*']));
    expect(await syncSiteScripts(port, ON_REQUEST_SITES)).toEqual([{ site: 'github', granted: true, registered: true }, GOOGLE_OFF, GITLAB_OFF, PROTON_OFF, MOZILLA_UNGRANTED]);
    expect(calls).toEqual([`register sparekey-site-github https://github.com/* ${GRANTED_SCRIPT}`]);
  });

  it("registers Google's one watcher for both its origins, and only once both are granted", async () => {
    const granted = new Set(['https://accounts.google.com/*']);
    const { port, calls } = fakePort(granted);
    expect((await syncSiteScripts(port, ON_REQUEST_SITES))[1]).toEqual(GOOGLE_OFF);
    expect(calls).toEqual([]);
    granted.add('https://myaccount.google.com/*');
    expect((await syncSiteScripts(port, ON_REQUEST_SITES))[1]).toEqual({ site: 'google', granted: true, registered: true });
    expect(calls).toEqual([`register sparekey-site-google https://accounts.google.com/*,https://myaccount.google.com/* ${GRANTED_SCRIPT}`]);
  });

  it('registers each site on its own grant: the Mozilla account granted, GitHub not', async () => {
    const { port, calls } = fakePort(new Set(['https://accounts.firefox.com/*']));
    expect(await syncSiteScripts(port, ON_REQUEST_SITES)).toEqual([
      { site: 'github', granted: false, registered: false },
      GOOGLE_OFF,
      GITLAB_OFF,
      PROTON_OFF,
      { site: 'mozilla', granted: true, registered: true },
    ]);
    expect(calls).toEqual([`register sparekey-site-mozilla https://accounts.firefox.com/* ${GRANTED_SCRIPT}`]);
  });

  it("registers GitLab's watcher on its own grant, for https://gitlab.com only", async () => {
    const { port, calls } = fakePort(new Set(['https://gitlab.com/*']));
    expect(await syncSiteScripts(port, ON_REQUEST_SITES)).toEqual([
      { site: 'github', granted: false, registered: false },
      GOOGLE_OFF,
      { site: 'gitlab', granted: true, registered: true },
      PROTON_OFF,
      MOZILLA_UNGRANTED,
    ]);
    expect(calls).toEqual([`register sparekey-site-gitlab https://gitlab.com/* ${GRANTED_SCRIPT}`]);
  });

  it('registers Proton on its own grant, for account.proton.me only', async () => {
    const { port, calls } = fakePort(new Set(['https://account.proton.me/*']));
    expect(await syncSiteScripts(port, ON_REQUEST_SITES)).toEqual([
      { site: 'github', granted: false, registered: false },
      GOOGLE_OFF,
      GITLAB_OFF,
      { site: 'proton', granted: true, registered: true },
      MOZILLA_UNGRANTED,
    ]);
    expect(calls).toEqual([`register sparekey-site-proton https://account.proton.me/* ${GRANTED_SCRIPT}`]);
  });

  it('does nothing more when the registration is already there (a restart, a second popup)', async () => {
    const { port, calls } = fakePort(new Set(['https://github.com/*']));
    await syncSiteScripts(port, ON_REQUEST_SITES);
    await syncSiteScripts(port, ON_REQUEST_SITES);
    expect(calls).toHaveLength(1);
  });

  it('registers nothing without the grant, and unregisters once the grant is gone', async () => {
    const granted = new Set<string>();
    const { port, calls, scripts } = fakePort(granted);
    expect(await syncSiteScripts(port, ON_REQUEST_SITES)).toEqual([{ site: 'github', granted: false, registered: false }, GOOGLE_OFF, GITLAB_OFF, PROTON_OFF, MOZILLA_UNGRANTED]);
    expect(calls).toEqual([]);
    granted.add('https://github.com/*');
    await syncSiteScripts(port, ON_REQUEST_SITES);
    granted.clear();
    expect(await syncSiteScripts(port, ON_REQUEST_SITES)).toEqual([{ site: 'github', granted: false, registered: false }, GOOGLE_OFF, GITLAB_OFF, PROTON_OFF, MOZILLA_UNGRANTED]);
    expect(calls.at(-1)).toBe('unregister sparekey-site-github');
    expect(scripts).toEqual([]);
  });

  it('takes the registration as Firefox lists it back (its file without the leading slash) as its own, and leaves it be', async () => {
    const { port, calls } = fakePort(new Set(['https://github.com/*']), [
      { id: scriptIdOf(github), matches: ['https://github.com/*'], js: [GRANTED_SCRIPT.slice(1)] },
    ]);
    await syncSiteScripts(port, ON_REQUEST_SITES);
    expect(calls).toEqual([]);
  });

  it('replaces a registration left by another build (other matches or file), and leaves scripts that are not its own', async () => {
    const other = { id: 'someone-else', matches: ['https://example.com/*'], js: ['/x.js'] };
    const { port, calls, scripts } = fakePort(new Set(['https://github.com/*']), [
      other,
      { id: scriptIdOf(github), matches: ['https://github.com/settings/*'], js: [GRANTED_SCRIPT] },
    ]);
    await syncSiteScripts(port, ON_REQUEST_SITES);
    expect(calls).toEqual(['unregister sparekey-site-github', `register sparekey-site-github https://github.com/* ${GRANTED_SCRIPT}`]);
    expect(scripts).toContainEqual(other);
  });
});

describe('syncSiteScripts, called twice at once (permissions.onAdded and the popup)', () => {
  it('runs one after the other, so the script is registered once and both calls succeed', async () => {
    const { port, calls } = fakePort(new Set(['https://github.com/*']));
    const [a, b] = await Promise.all([syncSiteScripts(port, ON_REQUEST_SITES), syncSiteScripts(port, ON_REQUEST_SITES)]);
    expect(a).toEqual(b);
    expect(calls).toEqual([`register sparekey-site-github https://github.com/* ${GRANTED_SCRIPT}`]);
  });

  it('goes on after a call that failed', async () => {
    const { port, calls } = fakePort(new Set(['https://github.com/*']));
    const registered = port.registered;
    let failures = 1;
    port.registered = () => (failures-- > 0 ? Promise.reject(new Error('browser said no')) : registered());
    await expect(syncSiteScripts(port, ON_REQUEST_SITES)).rejects.toThrow('browser said no');
    await syncSiteScripts(port, ON_REQUEST_SITES);
    expect(calls).toHaveLength(1);
  });
});
