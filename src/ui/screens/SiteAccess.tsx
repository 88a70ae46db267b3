// Host access for the sites Sparekey reads only with the person's permission (GitHub): asked for
// by a click here, never at install. In the accounts list it shows only when it matters: a site
// with accounts and no access yet (allow), or access left over after the site's last account went
// (offer to remove it). Settings lists every such site (`all`), so codes can be captured on a site
// before any account exists. The background registers the site's content script once the browser
// says yes (sites/access), and only then does this say "Allowed".
import { useEffect, useState } from 'preact/hooks';
import type { AccountSummary } from '../../messages/protocol';
import { parseSiteOrigin, patternOf } from '../../sites/generic/origin';
import { ON_REQUEST_HERE } from '../../sites/here';
import { PAGE_SITES, siteForOrigin } from '../../sites/index';
import type { SiteInfo } from '../../sites/types';
import { useSend } from '../api';
import { Notice, accountSiteName, useAction } from '../components';
import { t } from '../i18n';
import { usePermissions } from '../permissions';

const hostOf = (site: SiteInfo) => site.origins.map((o) => new URL(o).host).join(', ');

/** One row: a site read on request, or one origin of another site's account (the generic detector). */
interface Row {
  key: string;
  name: string;
  host: string;
  matches: string[];
  granted: boolean;
  used: boolean;
}

/**
 * The origins the generic detector reads for these accounts: those of accounts no page-reading
 * site owns (another site's, Discord's), each an origin a person may grant.
 */
function genericOrigins(accounts: readonly AccountSummary[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const a of accounts) {
    if (PAGE_SITES.some((s) => s.id === a.site)) continue;
    for (const origin of a.origins) {
      const check = parseSiteOrigin(origin, (o) => siteForOrigin(o)?.name);
      if (check.ok && check.origin === origin && !found.has(origin)) found.set(origin, new URL(origin).host);
    }
  }
  return found;
}

export function SiteAccess(props: { accounts?: readonly AccountSummary[]; all?: boolean }) {
  const send = useSend();
  const permissions = usePermissions();
  const action = useAction();
  const [granted, setGranted] = useState<Record<string, boolean> | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function sync() {
    const reply = await send('sites/access', {});
    if (reply.ok) setGranted(Object.fromEntries(reply.value.map((s) => [s.site, s.granted])));
    return reply;
  }

  useEffect(() => {
    void sync();
  }, []);

  /** permissions.request/remove right here in the click (a browser grants only inside a gesture), then the background follows. */
  function change(row: Row, allow: boolean) {
    setDone(null);
    const asked = allow ? permissions.request([...row.matches]) : permissions.remove([...row.matches]);
    void action
      .run(async () => {
        await asked.catch(() => false);
        return sync();
      })
      .then((state) => {
        if (!state) return;
        const now = state.some((s) => s.site === row.key && s.granted);
        if (now === allow) setDone(t(allow ? 'siteAccessAllowed' : 'siteAccessRemoved', { host: row.host }));
      });
  }

  if (!granted) return null;
  const accounts = props.accounts ?? [];
  const siteRows: Row[] = ON_REQUEST_HERE.filter((site) => granted[site.id] !== undefined).map((site) => ({
    key: site.id,
    name: site.name,
    host: hostOf(site),
    matches: [...site.matches],
    granted: granted[site.id] === true,
    used: accounts.some((a) => a.site === site.id),
  }));
  // Another site's origins: those its accounts name, and those still granted (sites/access lists
  // each granted one by its origin) after the last account that named it went.
  const used = genericOrigins(accounts);
  const grantedOthers = Object.keys(granted).filter((k) => k.startsWith('https://') && granted[k]);
  const otherRows: Row[] = [...new Set([...used.keys(), ...grantedOthers])].map((origin) => {
    const host = new URL(origin).host;
    const named = accounts.find((a) => a.origins.includes(origin) && !PAGE_SITES.some((s) => s.id === a.site));
    const name = named ? accountSiteName(named) : host;
    return { key: origin, name, host, matches: [patternOf(origin)], granted: granted[origin] === true, used: used.has(origin) };
  });
  const rows = [...siteRows, ...otherRows].filter((row) => props.all || row.used !== row.granted);
  if (rows.length === 0 && !done && !action.error) return null;

  const list = (
    <ul class="plain">
      {rows.map((row) => {
        const { host, name } = row;
        return (
          <li key={row.key} class="card">
            {!row.granted && <p>{t('siteAccessAsk', { site: name, host })}</p>}
            {row.granted && !row.used && !props.all && <p>{t('siteAccessUnused', { site: name, host })}</p>}
            <button type="button" class={row.granted ? undefined : 'primary'} disabled={action.busy} onClick={() => change(row, !row.granted)}>
              {t(row.granted ? 'siteAccessRemove' : 'siteAccessAllow', { host })}
            </button>
          </li>
        );
      })}
    </ul>
  );
  return (
    <section class="group" aria-labelledby="site-access-h">
      <h3 id="site-access-h">{t('siteAccessTitle')}</h3>
      {list}
      <Notice error={action.error} ok={done} />
    </section>
  );
}
