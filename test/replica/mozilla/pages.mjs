// The Mozilla account replica's pages. fxa-settings is a React single-page app: every view lives
// in one document, forms post by script and a view change is a pushState. The replica does the
// same with a small script (CLIENT below): each view's markup comes from the server (the first
// load renders it into #root; later views are fetched and swapped in), built from fxa's public
// components and English strings (README.md lists the files).

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** fxa's AppLayout around a view: the Mozilla header, then a card. */
export function layout({ title, view }) {
  return `<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width">
<style>
body { font: 16px/1.5 Inter, "Segoe UI", sans-serif; margin: 0; color: #15141a; background: #f9f9fb; }
header { padding: 16px 24px; }
.card { max-width: 420px; margin: 24px auto; padding: 32px; background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; }
form { display: flex; flex-direction: column; gap: 16px; margin: 24px 0; }
label { display: flex; flex-direction: column; font-size: 14px; position: relative; }
input { font: inherit; padding: 8px 12px; border: 1px solid #8f8f9d; border-radius: 4px; margin-top: 4px; }
.cta-primary { font: inherit; padding: 10px; background: #0060df; color: #fff; border: 0; border-radius: 4px; }
.cta-primary:disabled { opacity: .5; }
[data-testid="tooltip"] { background: #e22850; color: #fff; padding: 4px 12px; border-radius: 4px; font-size: 14px; margin-top: 4px; }
[data-testid="datablock"] ul { list-style: none; margin: 0; padding: 16px 24px; display: grid; grid-template-columns: 1fr 1fr; gap: 4px 24px; font-family: monospace; font-weight: bold; background: #eef; border-radius: 8px; }
.link-blue { color: #0060df; }
</style>
</head>
<body>
<header><a href="/settings" aria-label="Mozilla accounts">Mozilla accounts</a></header>
<main class="card" id="root">
${view}
</main>
<script>${CLIENT}</script>
</body>
</html>
`;
}

/** fxa's InputText: a label around the input, its error shown as a tooltip under it. */
function inputText({ label, testid, name = 'code', type = 'text', inputMode = 'text', maxLength = 0, autoComplete = 'off' }) {
  return `<label>
<span data-testid="${testid}-input-label">${escapeHtml(label)}</span>
<input name="${name}" type="${type}" inputmode="${inputMode}" ${maxLength ? `maxlength="${maxLength}" ` : ''}autocomplete="${autoComplete}" spellcheck="false" data-testid="${testid}-input-field">
</label>`;
}

/** /signin: e-mail and password (fxa shows the e-mail from the step before; one form here). */
export function signinView() {
  return `<h1 class="card-header">Enter your password</h1>
<form novalidate data-action="signin">
${inputText({ label: 'Email', testid: 'signin-email', name: 'email', type: 'email', inputMode: 'email', autoComplete: 'email' })}
${inputText({ label: 'Password', testid: 'signin-password', name: 'password', type: 'password', autoComplete: 'current-password' })}
<button type="submit" class="cta-primary cta-xl">Sign in</button>
</form>`;
}

/** /signin_totp_code (pages/Signin/SigninTotpCode): the same FormVerifyCode, six digits. */
export function totpView() {
  return `<h1 class="card-header">Enter authentication code <span>to continue to account settings</span></h1>
<p class="mt-2 text-sm">Open your authentication app and enter the authentication code it provides.</p>
<form novalidate data-action="totp">
${inputText({ label: 'Enter 6-digit code', testid: 'signin-totp-code', inputMode: 'numeric', maxLength: 6 })}
<button type="submit" class="cta-primary cta-xl" disabled>Confirm</button>
</form>
<div class="mt-10 link-blue text-sm flex justify-between">
<a href="/signin_recovery_code" class="link-blue" data-nav>Trouble entering code?</a>
</div>`;
}

/** /signin_recovery_code (pages/Signin/SigninRecoveryCode, viewName signin-recovery-code). */
export function recoveryView() {
  return `<div class="relative flex items-center mb-5"><h1 class="card-header">Sign in</h1></div>
<h2 class="card-header">Enter backup authentication code</h2>
<p class="mt-2 text-sm">Enter one of the one-time-use codes you saved when you set up two-step authentication.</p>
<form novalidate class="flex flex-col gap-4 my-6" data-action="recovery">
${inputText({ label: 'Enter 10-character code', testid: 'signin-recovery-code', maxLength: 10 })}
<button type="submit" class="cta-primary cta-xl" disabled data-glean-id="login_backup_codes_submit">Confirm</button>
</form>
<div class="mt-10 link-blue text-sm flex justify-center">
<a href="https://support.mozilla.org/kb/what-if-im-locked-out-two-step-authentication" target="_blank" rel="noopener noreferrer">Are you locked out?</a>
</div>`;
}

/** /settings: where a signed-in login lands (fxa's Settings page, reduced to its heading). */
export function settingsView({ email, notice = '' }) {
  return `${notice ? `<div role="status" data-testid="alert-bar">${escapeHtml(notice)}</div>` : ''}
<h1 class="card-header">Account settings</h1>
<section data-testid="settings-profile"><h2>Profile</h2><p data-testid="profile-primary-email">${escapeHtml(email)}</p></section>
<section data-testid="settings-security"><h2>Security</h2>
<p>Two-step authentication: Enabled</p>
<a href="/settings/two_step_authentication/replace_codes" data-nav>Get new codes</a>
</section>`;
}

/**
 * /settings/two_step_authentication/replace_codes, first step (FlowSetup2faBackupCodeDownload):
 * the new codes in a DataBlock, Download (named "<email> Backup authentication codes.txt"),
 * Copy, Print, then Continue to the step that confirms one of them.
 */
export function replaceCodesView({ email, codes }) {
  const file = `${email} Backup authentication codes.txt`;
  const href = `data:text/plain;charset=utf-8,${encodeURIComponent(codes.join('\r\n'))}`;
  return `<h1 class="card-header">Two-step authentication</h1>
<h2 class="font-bold">Save backup authentication codes</h2>
<p class="text-sm">Keep these one-time-use codes in a safe place for when you don’t have your mobile device.</p>
<div class="flex flex-col items-center">
<div class="relative flex rounded-lg px-6 font-mono text-center text-sm font-bold max-w-sm py-4 flex-wrap mb-8" data-testid="datablock">
<ul>${codes.map((c) => `<li class="flex-50% py-1">${escapeHtml(c)}</li>`).join('')}</ul>
</div>
<div class="flex justify-between w-full">
<a download="${escapeHtml(file)}" href="${escapeHtml(href)}" data-glean-id="two_step_auth_codes_download">Download</a>
<button type="button" data-glean-id="two_step_auth_codes_copy">Copy</button>
<button type="button" data-glean-id="two_step_auth_codes_print">Print</button>
</div>
</div>
<button type="button" class="cta-primary cta-xl" data-step="confirm-codes">Continue</button>`;
}

/** The step after it (FlowSetup2faBackupCodeConfirm): one of the NEW codes confirms them. Not a login. */
export function confirmCodesView() {
  return `<h1 class="card-header">Two-step authentication</h1>
<h2 class="font-bold">Confirm backup authentication code</h2>
<p class="text-sm">Confirm you saved your backup authentication codes by entering one.</p>
<form novalidate data-action="confirm-codes">
${inputText({ label: 'Enter 10-character code', testid: 'backup-code-confirm', maxLength: 10 })}
<button type="submit" class="cta-primary cta-xl" disabled>Finish</button>
</form>`;
}

// The page's own script, as fxa's React app would behave: forms post as JSON, an error shows as
// InputText's tooltip (cleared on the next change), the submit button is disabled until the
// value matches the form's pattern, views change by pushState without a new document.
const CLIENT = String.raw`
(() => {
  const root = document.getElementById('root');
  const PATTERN = /[a-zA-Z0-9]/;
  async function show(path, replace) {
    const res = await fetch(path, { headers: { 'x-replica-view': '1' } });
    const at = res.headers.get('x-replica-path') || path;
    history[replace ? 'replaceState' : 'pushState']({}, '', at);
    document.title = res.headers.get('x-replica-title') || document.title;
    root.innerHTML = await res.text();
  }
  function tooltip(form, text) {
    form.querySelector('[data-testid="tooltip"]')?.remove();
    if (!text) return;
    const tip = document.createElement('div');
    tip.setAttribute('data-testid', 'tooltip');
    tip.textContent = text;
    form.querySelector('label').append(tip);
  }
  async function post(url, body) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { ok: res.ok, body: await res.json() };
  }
  document.addEventListener('input', (e) => {
    const form = e.target.closest && e.target.closest('form');
    if (!form) return;
    tooltip(form, '');
    const code = form.querySelector('input[name="code"]');
    const submit = form.querySelector('button[type="submit"]');
    if (code && submit) submit.disabled = !(code.value && PATTERN.test(code.value));
  });
  document.addEventListener('click', (e) => {
    const nav = e.target.closest && e.target.closest('a[data-nav]');
    if (nav) {
      e.preventDefault();
      void show(nav.getAttribute('href'));
      return;
    }
    const step = e.target.closest && e.target.closest('[data-step="confirm-codes"]');
    if (step) void show('/settings/two_step_authentication/replace_codes?step=confirm', true);
  });
  document.addEventListener('submit', async (e) => {
    const form = e.target;
    const action = form.getAttribute('data-action');
    if (!action) return;
    e.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    if (action === 'signin') {
      const r = await post('/__api/signin', data);
      return r.ok ? show(r.body.next) : tooltip(form, r.body.message);
    }
    const code = String(data.code || '').trim();
    if (action === 'recovery' && (code.length !== 10 || !/^[0-9a-hjkmnp-tv-z]+$/i.test(code)))
      return tooltip(form, 'Invalid backup authentication code');
    const r = await post('/__api/' + action, { code: action === 'recovery' ? code.toLowerCase() : code });
    if (!r.ok) return tooltip(form, r.body.message);
    // SigninRecoveryCode waits 100 ms for its cache before it navigates.
    if (action === 'recovery') await new Promise((resolve) => setTimeout(resolve, 100));
    return show(r.body.next);
  });
  addEventListener('popstate', () => void show(location.pathname + location.search, true));
})();
`;
