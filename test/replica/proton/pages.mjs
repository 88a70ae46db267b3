// The Proton replica's pages. Proton's account app is a React single-page app: the login's steps
// all stay at /login, forms post by script, errors show as notifications, and a signed-in view
// follows by pushState. The replica does the same with a small script (CLIENT below): every view's
// markup comes from the server (the first load renders it into #root; later views and the login's
// modes are fetched and swapped in), built from WebClients' public components and English strings
// (README.md lists the files).

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The account app's public/private layout around a view, with the notifications container. */
export function layout({ title, view }) {
  return `<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width">
<style>
body { font: 14px/1.5 system-ui, sans-serif; margin: 0; color: #0c0c14; background: #f5f4f2; }
header { padding: 16px 24px; }
main { max-width: 460px; margin: 24px auto; padding: 32px; background: #fff; border-radius: 12px; box-shadow: 0 1px 4px #0002; }
form { display: flex; flex-direction: column; gap: 12px; margin: 16px 0; }
label { display: flex; flex-direction: column; }
input { font: inherit; padding: 8px 12px; border: 1px solid #adaba8; border-radius: 8px; }
.totp-inputs { display: flex; gap: 8px; }
.totp-inputs input { width: 34px; text-align: center; font-size: 20px; }
.button { font: inherit; padding: 10px; border-radius: 8px; border: 0; cursor: pointer; }
.button-solid-norm { background: #6d4aff; color: #fff; }
.button-ghost-norm { background: none; color: #6d4aff; }
.notifications-container { position: fixed; bottom: 16px; left: 0; right: 0; display: flex; flex-direction: column; align-items: center; gap: 8px; }
.notification { padding: 10px 16px; border-radius: 8px; color: #fff; background: #1b1340; }
.notification--error { background: #dc3251; }
.modal-two { position: fixed; inset: 0; display: flex; align-items: center; justify-content: center; background: #0006; }
dialog.modal-two-dialog { display: block; position: static; border: 0; border-radius: 12px; padding: 24px; max-width: 520px; box-shadow: 0 4px 24px #0004; }
code[data-testid="totp:recovery-code"] { display: inline-block; width: 49%; padding: 8px 0; font-size: 16px; }
</style>
</head>
<body>
<header><a href="/u/0/mail/dashboard" aria-label="Proton Account">Proton Account</a></header>
<main id="root" class="main-area">
${view}
</main>
<div class="notifications-container flex flex-column flex-align-items-center"></div>
<script>${CLIENT}</script>
</body>
</html>
`;
}

/** LoginForm: the first step, username and password (applications/account/src/app/login/LoginForm.tsx). */
export function loginView() {
  return `<h1 class="h2 text-bold">Sign in</h1>
<p class="color-weak">Enter your Proton Account details.</p>
<form name="loginForm" method="post" autocomplete="off" novalidate data-action="login">
<label for="username">Email or username</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="off" autocorrect="off" spellcheck="false">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password">
<button type="submit" class="button button-large button-solid-norm w-full">Sign in</button>
</form>`;
}

/** TotpInput (packages/components/components/v2/input/TotpInput.tsx) with id "totp": six boxes, #totp, #totp-1 … #totp-5. */
export function totpBoxes() {
  return `<div class="flex flex-nowrap totp-inputs" dir="ltr">${Array.from({ length: 6 }, (_, i) => {
    const id = i === 0 ? 'totp' : `totp-${i}`;
    return `<input id="${id}" type="tel" inputmode="numeric" aria-label="Enter verification code. Digit ${i + 1}."${i === 0 ? ' autocomplete="one-time-code"' : ''} autocapitalize="off" autocorrect="off" spellcheck="false" class="text-center p-0 shrink-0" value="">`;
  }).join('')}</div>`;
}

/** TotpInputs (packages/components/containers/account/totp/TotpInputs.tsx) in 'totp' or 'recovery-code' mode. */
export function totpFields(type) {
  if (type === 'recovery-code')
    return `<div class="mb-6 flex items-center">Each code can only be used once <button type="button" class="info-button" aria-label="When you set up two-factor authentication, we provide recovery codes which you can use to sign in if you lose access to your authenticator app." data-info></button></div>
<input type="text" id="recovery-code" autocomplete="off" autocapitalize="off" autocorrect="off" spellcheck="false" class="field-two-input" value="">`;
  return `<div class="mb-6">Enter the code from your authenticator app</div>
${totpBoxes()}`;
}

/** LoginTOTPForm (applications/account/src/app/login/LoginTOTPForm.tsx) under "Two-factor authentication". */
export function twoFactorView(type = 'totp') {
  return `<h1 class="h2 text-bold">Two-factor authentication</h1>
<form name="totpForm" method="post" autocomplete="off" novalidate data-action="2fa" data-type="${type}">
<div data-fields>${totpFields(type)}</div>
<button type="submit" class="button button-large button-solid-norm w-full mt-6">Authenticate</button>
<button type="button" class="button button-large button-ghost-norm w-full mt-2" data-switch>${type === 'totp' ? 'Use recovery code' : 'Use authentication code'}</button>
<hr class="my-4">
<div class="text-center"><a href="https://proton.me/support/lost-two-factor-authentication-2fa?ref=account-web-signin">Don't have access to your 2FA?</a></div>
</form>`;
}

/** A signed-in page: the account app's dashboard (reduced to its heading and the user's name). */
export function dashboardView({ username }) {
  return `<h1 class="h2 text-bold">Dashboard</h1>
<p data-testid="heading:userdropdown">${escapeHtml(username)}</p>
<nav><a href="/u/0/mail/account-password" data-nav>Account and password</a></nav>`;
}

/** /u/0/mail/account-password: the two-factor section (TwoFactorSection) with its toggle. */
export function settingsView({ username, twoFactor }) {
  return `<h1 class="h2 text-bold">Account and password</h1>
<section id="account"><h2 class="h3 text-bold">Account</h2><p>Username: <strong>${escapeHtml(username)}</strong></p></section>
<section id="two-fa"><h2 class="h3 text-bold">Two-factor authentication</h2>
<p>Add another layer of security to your account. You’ll need to verify yourself with 2FA every time you sign in.</p>
<label><span><input type="checkbox" id="twoFactorToggle" class="toggle-checkbox"${twoFactor ? ' checked' : ''} data-2fa-toggle> Authenticator app</span></label>
</section>`;
}

/**
 * EnableTOTPModal (packages/components/containers/account/totp/EnableTOTPModal.tsx), one step: the
 * form ModalTwo renders inside its dialog (`<Modal as={Form}>`).
 */
export function setupModal({ step, codes = [], secret = 'JBSWY3DPEHPK3PXP' }) {
  const sections = {
    info: `<div class="mb-4">This wizard will enable Two-Factor Authentication (2FA) on your Proton account. Two-factor authentication will make your Proton account more secure so we recommend enabling it.</div>
<div class="mb-4">If you have never used two-factor authentication before, we strongly recommend you <a href="https://proton.me/support/two-factor-authentication-2fa">read our two-factor authentication guide first</a>.</div>`,
    scan: `<div class="mb-4">Scan this code with your two-factor authentication device to set up your account. <button type="button" class="link" data-testid="totp:manual-button">Enter key manually instead</button>.</div>
<div class="text-center"><svg role="img" aria-label="QR code" width="200" height="200"><rect width="200" height="200" fill="#eee"></rect></svg></div>
<code data-testid="totp:secret-key" hidden>${escapeHtml(secret)}</code>`,
    confirm: `<div class="mb-4">Enter the code from your authenticator app</div>
${totpBoxes()}`,
    codes: `<div class="mb-4"><span class="text-bold">Important: Please make sure you save the recovery codes. Otherwise you can permanently lose access to your account if you lose your two-factor authentication device.</span><br><br>If you lose your two-factor-enabled device, these codes can be used instead of the 6-digit two-factor authentication code to sign in to your account. Each code can only be used once.</div>
<div class="flex text-center">${codes.map((c) => `<code data-testid="totp:recovery-code" class="w-custom p-2" style="--w-custom: 49%;">${escapeHtml(c)}</code>`).join('')}</div>
<div class="text-center"><button type="button" class="button button-solid-norm" data-download="${escapeHtml(codes.join('\r\n'))}">Download</button></div>`,
  };
  const footer = {
    info: `<button type="button" class="button" data-modal-close>Cancel</button><button type="submit" class="button button-solid-norm">Next</button>`,
    scan: `<button type="button" class="button" data-modal-close>Cancel</button><button type="submit" class="button button-solid-norm">Next</button>`,
    confirm: `<button type="button" class="button" data-modal-back>Back</button><button type="submit" class="button button-solid-norm">Submit</button>`,
    codes: `<button type="button" class="button" data-modal-close>Close</button><div></div>`,
  };
  return `<form class="modal-two-dialog-container" novalidate data-action="setup" data-step="${step}">
<div class="modal-two-header"><h1 id="modal-title" class="text-bold text-4xl">Set up two-factor authentication</h1></div>
<div class="modal-two-content">${sections[step]}</div>
<div class="modal-two-footer flex justify-space-between">${footer[step]}</div>
</form>`;
}

// The page's own script, as Proton's React app would behave: forms post as JSON, an API error
// shows as an error notification (role=alert), the six TOTP boxes move on digit by digit and the
// login submits itself once six are in, "Use recovery code" swaps the form's fields in place, views
// change by pushState without a new document, and the set-up modal is ModalTwo over settings: a
// `.modal-two` root holding `<dialog class="modal-two-dialog" aria-modal="true">` with no `open`
// attribute (Dialog.tsx passes none; CSS shows it), taken out of the document on Close.
const CLIENT = String.raw`
(() => {
  const root = document.getElementById('root');
  const notes = document.querySelector('.notifications-container');
  async function fetchView(path) {
    const res = await fetch(path, { headers: { 'x-replica-view': '1' } });
    return { at: res.headers.get('x-replica-path') || path, html: await res.text() };
  }
  async function show(path, replace) {
    const { at, html } = await fetchView(path);
    history[replace ? 'replaceState' : 'pushState']({}, '', at);
    root.innerHTML = html;
  }
  function notify(type, text) {
    const n = document.createElement('div');
    n.setAttribute('aria-atomic', 'true');
    n.setAttribute('role', 'alert');
    n.className = 'notification notification--in notification--' + type;
    const span = document.createElement('span');
    span.className = 'notification__content';
    span.textContent = text;
    n.append(span);
    // Proton's manager replaces a notification with the same text by a new one.
    for (const old of notes.querySelectorAll('.notification')) if (old.textContent === text) old.remove();
    notes.append(n);
  }
  async function post(url, body) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { ok: res.ok, body: await res.json() };
  }
  const boxesOf = (form) => Array.from(form.querySelectorAll('input[id^="totp"]'));
  let busy = false;
  async function submit2fa(form) {
    if (busy) return;
    const type = form.getAttribute('data-type');
    const code = type === 'totp' ? boxesOf(form).map((b) => b.value).join('') : form.querySelector('#recovery-code').value;
    const safe = code.replace(/\s+/g, '');
    if (!safe) return;
    busy = true;
    const r = await post('/__api/auth/2fa', { code: safe });
    busy = false;
    if (!r.ok) return notify('error', r.body.Error);
    return show(r.body.next);
  }
  async function submitSetup(form) {
    const step = form.getAttribute('data-step');
    const dialog = form.closest('dialog');
    if (step === 'info') dialog.innerHTML = (await fetchView('/__view/setup?step=scan')).html;
    else if (step === 'scan') dialog.innerHTML = (await fetchView('/__view/setup?step=confirm')).html;
    else if (step === 'confirm') {
      const r = await post('/__api/2fa/setup', { code: boxesOf(form).map((b) => b.value).join('') });
      if (!r.ok) return notify('error', r.body.Error);
      notify('success', 'Two-factor authentication enabled');
      dialog.innerHTML = (await fetchView('/__view/setup?step=codes')).html;
    } else form.closest('.modal-two').remove();
  }
  document.addEventListener('input', (e) => {
    const box = e.target;
    const form = box.closest && box.closest('form');
    if (!form || !/^totp/.test(box.id)) return;
    box.value = box.value.replace(/[^0-9]/g, '').slice(-1);
    const boxes = boxesOf(form);
    if (box.value) boxes[boxes.indexOf(box) + 1]?.focus();
    // LoginTOTPForm submits itself once six digits are in (only at the login, once).
    if (form.getAttribute('data-action') === '2fa' && boxes.every((b) => b.value) && !form.hasAttribute('data-auto')) {
      form.setAttribute('data-auto', '');
      void submit2fa(form);
    }
  });
  document.addEventListener('click', async (e) => {
    const t = e.target;
    const nav = t.closest && t.closest('a[data-nav]');
    if (nav) {
      e.preventDefault();
      return void show(nav.getAttribute('href'));
    }
    const sw = t.closest && t.closest('[data-switch]');
    if (sw) {
      const form = sw.closest('form');
      if (busy) return;
      const next = form.getAttribute('data-type') === 'totp' ? 'recovery-code' : 'totp';
      form.setAttribute('data-type', next);
      form.querySelector('[data-fields]').innerHTML = (await fetchView('/__view/2fa-fields?type=' + next)).html;
      sw.textContent = next === 'totp' ? 'Use recovery code' : 'Use authentication code';
      (form.querySelector('#recovery-code') || form.querySelector('#totp')).focus();
      return;
    }
    const toggle = t.closest && t.closest('[data-2fa-toggle]');
    if (toggle) {
      if (!toggle.checked) {
        await post('/__api/2fa/disable', {});
        return notify('success', 'Two-factor authentication disabled');
      }
      toggle.checked = false;
      const modal = document.createElement('div');
      modal.className = 'modal-two';
      const dialog = document.createElement('dialog');
      dialog.className = 'modal-two-dialog';
      dialog.setAttribute('aria-modal', 'true');
      dialog.setAttribute('aria-labelledby', 'modal-title');
      dialog.innerHTML = (await fetchView('/__view/setup?step=info')).html;
      modal.append(dialog);
      document.body.append(modal);
      return;
    }
    if (t.closest && t.closest('[data-modal-back]')) {
      t.closest('dialog').innerHTML = (await fetchView('/__view/setup?step=scan')).html;
      return;
    }
    if (t.closest && t.closest('[data-modal-close]')) {
      t.closest('.modal-two').remove();
      if (location.pathname.endsWith('/account-password')) await show(location.pathname, true);
    }
  });
  document.addEventListener('submit', async (e) => {
    const form = e.target;
    const action = form.getAttribute('data-action');
    if (!action) return;
    e.preventDefault();
    if (action === 'login') {
      const r = await post('/__api/auth', { username: form.username.value, password: form.password.value });
      if (!r.ok) return notify('error', r.body.Error);
      root.innerHTML = (await fetchView('/__view/2fa')).html;
      return root.querySelector('#totp')?.focus();
    }
    if (action === '2fa') return submit2fa(form);
    if (action === 'setup') return submitSetup(form);
  });
  addEventListener('popstate', () => void show(location.pathname + location.search, true));
})();
`;
