// Host access for the sites Sparekey reads only with the person's permission (GitHub): asked for
// by a click here, never at install. In the accounts list it shows only when it matters: a site
// with accounts and no access yet (allow), or access left over after the site's last account went
// (offer to remove it). Settings lists every such site (`all`), so codes can be captured on a site
// before any account exists. The background registers the site's content script once the browser
// says yes (sites/access), and only then does this say "Allowed".
import { useEffect, useState } from 'preact/hooks';
import type { AccountSummary } from '../../messages/protocol';
import { ON_REQUEST_HERE } from '../../sites/here';
import type { SiteInfo } from '../../sites/types';
import { useSend } from '../api';
import { Notice, useAction } from '../components';
import { t } from '../i18n';
import { usePermissions } from '../permissions';

const hostOf = (site: SiteInfo) => site.origins.map((o) => new URL(o).host).join(', ');

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
  function change(site: SiteInfo, allow: boolean) {
    setDone(null);
    const asked = allow ? permissions.request([...site.matches]) : permissions.remove([...site.matches]);
    void action
      .run(async () => {
        await asked.catch(() => false);
        return sync();
      })
      .then((state) => {
        const now = state?.find((s) => s.site === site.id)?.granted;
        if (now === allow) setDone(t(allow ? 'siteAccessAllowed' : 'siteAccessRemoved', { host: hostOf(site) }));
      });
  }

  if (!granted) return null;
  const rows = ON_REQUEST_HERE.filter((site) => granted[site.id] !== undefined).filter((site) => {
    if (props.all) return true;
    const used = props.accounts?.some((a) => a.site === site.id) ?? false;
    return used !== granted[site.id];
  });
  if (rows.length === 0 && !done && !action.error) return null;

  const list = (
    <ul class="plain">
      {rows.map((site) => {
        const host = hostOf(site);
        const allowed = granted[site.id] === true;
        const used = props.accounts?.some((a) => a.site === site.id) ?? false;
        return (
          <li key={site.id} class="card">
            {!allowed && <p>{t('siteAccessAsk', { site: site.name, host })}</p>}
            {allowed && !used && !props.all && <p>{t('siteAccessUnused', { site: site.name, host })}</p>}
            <button type="button" class={allowed ? undefined : 'primary'} disabled={action.busy} onClick={() => change(site, !allowed)}>
              {t(allowed ? 'siteAccessRemove' : 'siteAccessAllow', { host })}
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
