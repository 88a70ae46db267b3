// The GitHub replica's pages: server-rendered HTML, as github.com serves them (no single-page app
// on these paths). Markup and words follow what is public about GitHub's pages; where a string is
// the replica's own guess it says so. See README.md for the sources.

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The document around every page: GitHub puts the signed-in login in <meta name="user-login">. */
export function layout({ title, login = '', body, script = '' }) {
  return `<!DOCTYPE html>
<html lang="en" data-color-mode="auto">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<meta name="user-login" content="${escapeHtml(login)}">
<meta name="viewport" content="width=device-width">
<style>
body { font: 14px/1.5 -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1f2328; }
.header { background: #f6f8fa; padding: 16px; border-bottom: 1px solid #d1d9e0; }
main { max-width: 560px; margin: 32px auto; padding: 0 16px; }
.auth-form-body { border: 1px solid #d1d9e0; border-radius: 6px; padding: 16px; background: #f6f8fa; }
.flash-error { background: #ffebe9; border: 1px solid #ff818266; padding: 12px 16px; border-radius: 6px; margin-bottom: 16px; }
.form-control { display: block; width: 100%; box-sizing: border-box; padding: 5px 12px; font-size: 14px; margin: 4px 0 12px; }
.btn { padding: 5px 16px; font-size: 14px; }
.two-factor-recovery-codes { list-style: none; padding: 16px; display: grid; grid-template-columns: 1fr 1fr; gap: 4px 24px; font-family: monospace; font-size: 16px; border: 1px solid #d1d9e0; border-radius: 6px; }
</style>
</head>
<body>
<header class="header" role="banner"><a href="/" aria-label="Homepage">GitHub</a></header>
<main>
${body}
</main>
${script ? `<script>${script}</script>` : ''}
</body>
</html>
`;
}

export function loginPage({ returnTo = '', error = '' }) {
  return layout({
    title: 'Sign in to GitHub · GitHub',
    body: `<div class="auth-form">
<h1>Sign in to GitHub</h1>
${error ? `<div class="flash flash-error" role="alert">${escapeHtml(error)}</div>` : ''}
<div class="auth-form-body">
<form action="/session" accept-charset="UTF-8" method="post">
<input type="hidden" name="return_to" value="${escapeHtml(returnTo)}">
<label for="login_field">Username or email address</label>
<input type="text" name="login" id="login_field" class="form-control" autocapitalize="off" autocorrect="off" autocomplete="username" autofocus>
<label for="password">Password</label>
<input type="password" name="password" id="password" class="form-control" autocomplete="current-password">
<input type="submit" name="commit" value="Sign in" class="btn btn-primary btn-block">
</form>
</div>
</div>`,
  });
}

/** The recovery-code form. `hidden` while the app form is shown (the in-page swap). */
function recoveryForm({ hidden = false, returnTo = '' }) {
  return `<form action="/sessions/two-factor/recovery" accept-charset="UTF-8" method="post" class="js-recovery-form"${hidden ? ' hidden' : ''}>
<input type="hidden" name="return_to" value="${escapeHtml(returnTo)}">
<h1>Two-factor recovery</h1>
<div class="auth-form-body">
<label for="recovery_code">Recovery code</label>
<input type="text" name="recovery_code" id="recovery_code" class="form-control input-monospace" autocomplete="off" autocapitalize="off" autocorrect="off" spellcheck="false" placeholder="XXXXX-XXXXX">
<button type="submit" class="btn btn-primary btn-block">Verify</button>
<p class="note">If you are unable to access your mobile device, enter one of your recovery codes to verify your identity.</p>
</div>
</form>`;
}

/**
 * The authenticator step. `#app_totp` submits its form by itself once its value matches its
 * pattern, which takes a 6-digit code and a recovery code alike (SITES.md).
 */
export function appPage({ returnTo = '', inPageSwap = false, error = '' }) {
  const query = returnTo ? `?return_to=${encodeURIComponent(returnTo)}` : '';
  return layout({
    title: 'Two-factor authentication · GitHub',
    body: `${error ? `<div class="flash flash-error" role="alert">${escapeHtml(error)}</div>` : ''}
<form action="/sessions/two-factor" accept-charset="UTF-8" method="post" class="js-app-form">
<input type="hidden" name="return_to" value="${escapeHtml(returnTo)}">
<h1>Two-factor authentication</h1>
<div class="auth-form-body">
<label for="app_totp">Authentication code</label>
<input type="text" name="app_otp" id="app_totp" class="form-control input-monospace" autocomplete="one-time-code" inputmode="numeric" pattern="([0-9]{6})|([0-9a-fA-F]{5}-?[0-9a-fA-F]{5})" placeholder="XXXXXX" required>
<button type="submit" class="btn btn-primary btn-block">Verify</button>
<p class="note">Open your two-factor authenticator (TOTP) app or browser extension to view your authentication code.</p>
</div>
<div class="two-factor-help">
<h2>Having problems?</h2>
<ul><li><a href="/sessions/two-factor/recovery${query}" data-test-selector="recovery-code-link">Use a recovery code or request a reset</a></li></ul>
</div>
</form>
${inPageSwap ? recoveryForm({ hidden: true, returnTo }) : ''}`,
    script: `
const input = document.getElementById('app_totp');
// GitHub's authenticator field submits as soon as what was typed matches its pattern.
input.addEventListener('input', () => {
  if (new RegExp('^(?:' + input.pattern + ')$').test(input.value)) input.form.requestSubmit();
});
${
  inPageSwap
    ? `document.querySelector('[data-test-selector="recovery-code-link"]').addEventListener('click', (event) => {
  event.preventDefault();
  document.querySelector('.js-app-form').hidden = true;
  document.querySelector('.js-recovery-form').hidden = false;
  history.pushState({}, '', event.currentTarget.href);
});`
    : ''
}`,
  });
}

export function recoveryPage({ returnTo = '', error = '' }) {
  return layout({
    title: 'Two-factor recovery · GitHub',
    body: `${error ? `<div class="flash flash-error" role="alert">${escapeHtml(error)}</div>` : ''}
${recoveryForm({ returnTo })}`,
  });
}

export function dashboardPage({ login }) {
  return layout({
    title: 'GitHub',
    login,
    body: `<h1>Dashboard</h1><p>Signed in as <strong>${escapeHtml(login)}</strong>.</p>
<nav aria-label="Settings"><a href="/settings/auth/recovery-codes">Recovery codes</a></nav>`,
  });
}

export function recoveryCodesPage({ login, codes, notice = '' }) {
  return layout({
    title: 'Recovery codes · GitHub',
    login,
    body: `${notice ? `<div class="flash flash-notice" role="status">${escapeHtml(notice)}</div>` : ''}
<div class="Subhead"><h2 class="Subhead-heading">Recovery codes</h2></div>
<p>Recovery codes can be used to access your account in the event you lose access to your device and cannot receive two-factor authentication codes.</p>
<div class="Box">
<ul class="two-factor-recovery-codes">
${codes.map((c) => `<li class="two-factor-recovery-code">${escapeHtml(c)}</li>`).join('\n')}
</ul>
<div class="recovery-codes-saving-options">
<a class="btn" href="/settings/auth/recovery-codes/download" download="github-recovery-codes.txt">Download</a>
<button type="button" class="btn" onclick="window.print()">Print</button>
<button type="button" class="btn js-copy">Copy</button>
</div>
</div>
<h3>Generate new recovery codes</h3>
<p>When you generate new recovery codes, you must download or print the new codes. Your old codes won't work anymore.</p>
<form action="/settings/auth/recovery-codes" accept-charset="UTF-8" method="post">
<button type="submit" class="btn">Generate new recovery codes</button>
</form>`,
  });
}
