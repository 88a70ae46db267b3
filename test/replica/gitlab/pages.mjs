// The GitLab replica's pages: server-rendered HTML at gitlab.com's paths, with GitLab's own markup
// and strings where gitlabhq has them (README.md names each file). The Vue parts (the recovery
// codes, the WebAuthn prompt) are mounted by a small script after the load, as GitLab's bundles do.

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** GitLab's download name for the codes (authentication/two_factor_auth/constants.js RECOVERY_CODE_DOWNLOAD_FILENAME). */
export const DOWNLOAD_NAME = 'gitlab-recovery-codes.txt';

/**
 * Every page: gon (lib/gitlab/gon_helper.rb) in the head, with the signed-in username; the flash
 * container (layouts/_flash.html.haml) above the content.
 */
export function layout({ title, username = '', flash = '', body, script = '' }) {
  const gon = `window.gon={};gon.api_version="v4";gon.dot_com=true;${username ? `gon.current_username=${JSON.stringify(username)};` : ''}`;
  return `<!DOCTYPE html>
<html lang="en" class="gl-light">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script>
//<![CDATA[
${gon}
//]]>
</script>
<style>
body { font: 14px/1.5 "GitLab Sans", -apple-system, "Segoe UI", sans-serif; margin: 0; color: #3a383f; }
.hidden, .gl-hidden { display: none !important; }
header.header-logged-out { padding: 12px 16px; border-bottom: 1px solid #dcdcde; }
main { max-width: 560px; margin: 32px auto; padding: 0 16px; }
.flash-alert { background: #fdd4cd; border-left: 4px solid #dd2b0e; padding: 12px 16px; }
.flash-notice { background: #cbe2f9; padding: 12px 16px; }
.form-control { display: block; width: 100%; box-sizing: border-box; padding: 6px 10px; font-size: 14px; margin: 4px 0 12px; }
.btn { padding: 6px 16px; font-size: 14px; }
.btn-block { display: block; width: 100%; }
.gl-card { border: 1px solid #dcdcde; border-radius: 4px; padding: 16px; margin: 16px 0; }
.gl-font-monospace { font-family: monospace; font-size: 16px; }
</style>
</head>
<body class="gl-browser-chrome" data-page="${escapeHtml(title)}">
<header class="header-logged-out" role="banner"><a href="/" aria-label="Homepage">GitLab</a></header>
<div class="flash-container flash-container-page sticky" data-testid="flash-container">
${flash ? `<div class="flash-alert gl-alert gl-alert-danger" data-testid="alert-danger"><div class="gl-alert-body">${escapeHtml(flash)}</div></div>` : ''}
</div>
<main id="content-body" class="content">
${body}
</main>
${script ? `<script>${script}</script>` : ''}
</body>
</html>
`;
}

/** The password step (devise/sessions/new, _new_base). */
export function signInPage({ error = '' }) {
  return layout({
    title: 'Sign in · GitLab',
    flash: error,
    body: `<h1>Sign in to GitLab</h1>
<form class="gl-show-field-errors js-sign-in-form" aria-live="assertive" action="/users/sign_in" accept-charset="UTF-8" method="post">
<input type="hidden" name="authenticity_token" value="replica" autocomplete="off">
<div class="form-group">
<label for="user_login">Username or primary email</label>
<input class="form-control gl-form-input js-username-field" autocomplete="username" autofocus="autofocus" autocapitalize="off" autocorrect="off" required="required" title="This field is required." data-testid="username-field" type="text" name="user[login]" id="user_login">
</div>
<div class="form-group">
<label for="user_password">Password</label>
<input class="form-control gl-form-input js-password" autocomplete="current-password" required="required" title="This field is required." data-testid="password-field" type="password" name="user[password]" id="user_password">
</div>
<div class="form-group">
<input name="user[remember_me]" type="hidden" value="0" autocomplete="off"><input class="gl-form-checkbox" type="checkbox" value="1" name="user[remember_me]" id="user_remember_me">
<label for="user_remember_me">Remember me</label>
</div>
<button class="gl-button btn btn-block btn-md btn-confirm js-sign-in-button" data-testid="sign-in-button" type="submit"><span class="gl-button-text">Sign in</span></button>
</form>`,
  });
}

/**
 * The 2FA step (devise/shared/_totp_recovery_code_or_webauthn.html.haml): one field for the
 * authenticator's code and recovery codes. With WebAuthn the form has the `hidden` class and the
 * WebAuthn prompt (authentication/webauthn/components/authentication.vue, its template and strings)
 * offers "Sign in via 2FA code".
 */
export function twoFactorPage({ error = '', webauthn = false }) {
  return layout({
    title: 'Sign in · GitLab',
    flash: error,
    body: `<h1>Two-factor authentication</h1>
${
  webauthn
    ? `<div id="js-authentication-webauthn"><div><div class="gl-text-center">
<p id="js-authenticate-token-2fa-in-progress">Trying to communicate with your device. Plug it in (if you haven't already) and press the button on the device now.</p>
<button type="button" class="gl-button btn btn-block btn-default" id="js-token-2fa-try-again" data-testid="confirm-2fa">Try again?</button>
<button type="button" class="gl-button btn btn-block btn-confirm" id="js-login-2fa-device">Sign in via 2FA code</button>
</div></div></div>`
    : ''
}
<form class="gl-show-field-errors js-2fa-form${webauthn ? ' hidden' : ''}" aria-live="assertive" action="/users/sign_in" accept-charset="UTF-8" method="post">
<input type="hidden" name="authenticity_token" value="replica" autocomplete="off">
<div class="form-group">
<label for="user_otp_attempt">Enter verification code</label>
<input class="form-control gl-form-input" required="required" autofocus="autofocus" autocomplete="off" inputmode="numeric" title="This field is required." data-testid="two-fa-code-field" type="text" name="user[otp_attempt]" id="user_otp_attempt">
<p class="form-text gl-text-subtle hint">Enter the code from your two-factor authenticator app. If you've lost your device, you can enter one of your recovery codes.</p>
<input value="0" autocomplete="off" type="hidden" name="user[remember_me]" id="user_remember_me">
</div>
<button class="gl-button btn btn-block btn-md btn-confirm" data-testid="verify-code-button" type="submit"><span class="gl-button-text">Verify code</span></button>
</form>`,
    script: webauthn
      ? `
// authentication/webauthn/components/authentication.vue switchToFallbackUI: fallbackMode = true
// (its v-if drops the prompt from the DOM) and the 2FA form loses the class hidden.
document.getElementById('js-login-2fa-device').addEventListener('click', () => {
  document.querySelector('#js-authentication-webauthn .gl-text-center').remove();
  document.querySelector('.js-2fa-form').classList.remove('hidden');
  document.getElementById('user_otp_attempt').focus();
});`
      : '',
  });
}

/**
 * The e-mail verification step (devise/sessions/email_verification.haml mounting
 * sessions/new/components/email_verification.vue): a code e-mailed to the person. GitLab posts it
 * by XHR to its verify path; the replica posts the form to /users/sign_in (the DOM is what matters).
 */
export function emailVerificationPage({ username, email, error = '' }) {
  return layout({
    title: 'Sign in · GitLab',
    body: `<h1>Help us protect your account</h1>
<div class="js-email-verification" data-username="${escapeHtml(username)}" data-obfuscated-email="${escapeHtml(email)}">
<form class="gl-flex gl-flex-col" action="/users/sign_in" method="post">
<section class="gl-mb-5">For added security, you'll need to verify your identity. We've sent a verification code to <strong>${escapeHtml(email)}</strong></section>
<div class="form-group">
<label for="verification-code">Verification code</label>
<input id="verification-code" name="user[verification_token]" type="text" autofocus autocomplete="one-time-code" inputmode="numeric" maxlength="6" class="form-control gl-form-input">
${error ? `<div class="invalid-feedback gl-block">${escapeHtml(error)}</div>` : ''}
</div>
<section class="gl-mt-5">
<button type="submit" class="gl-button btn btn-block btn-confirm">Verify code</button>
<button type="button" class="gl-button btn btn-block btn-link">Resend code</button>
</section>
</form>
</div>`,
  });
}

export function dashboardPage({ username, path = '/' }) {
  return layout({
    title: 'Projects · GitLab',
    username,
    body: `<h1>Projects</h1><p>Signed in as <strong>${escapeHtml(username)}</strong> (${escapeHtml(path)}).</p>
<nav aria-label="User settings"><a href="/-/profile/two_factor_auth">Two-factor authentication</a></nav>`,
  });
}

/**
 * The 2FA settings page (profiles/two_factor_auths/show): never lists codes. Enabled: the manage
 * form (manage_two_factor_form.vue, "Current password", "Regenerate recovery codes"); not yet: the
 * registration form ("Pin code", "Register with two-factor app").
 */
export function twoFactorSettingsPage({ username, enabled, error = '' }) {
  const manage = `<p>Status: Enabled</p>
<form class="gl-sm-inline-block" method="post" action="/-/profile/two_factor_auth/codes">
<input type="hidden" name="authenticity_token" value="replica">
<div class="form-group"><label for="current-password">Current password</label>
<input id="current-password" type="password" name="current_password" class="form-control gl-form-input"></div>
<button type="submit" class="gl-button btn btn-default" data-testid="test-2fa-regenerate-codes-button">Regenerate recovery codes</button>
</form>`;
  const register = `<form class="gl-show-field-errors js-2fa-form" method="post" action="/-/profile/two_factor_auth">
<input type="hidden" name="authenticity_token" value="replica">
<div class="form-group"><label for="pin_code">Pin code</label>
<input id="pin_code" type="text" name="pin_code" autocomplete="off" class="form-control gl-form-input" data-testid="pin-code-field"></div>
<div class="form-group"><label for="current_password">Current password</label>
<input id="current_password" type="password" name="current_password" class="form-control gl-form-input" data-testid="current-password-field"></div>
<button type="submit" class="gl-button btn btn-confirm" data-testid="register-2fa-app-button">Register with two-factor app</button>
</form>`;
  return layout({
    title: 'Two-Factor Authentication · User Settings · GitLab',
    username,
    flash: error,
    body: `<h1>Two-factor authentication</h1>
<p>Increase security by enabling two-factor authentication (2FA).</p>
${enabled ? manage : register}`,
  });
}

/**
 * The page that answers "enable" and "Regenerate recovery codes" (profiles/two_factor_auths/
 * create and codes → _codes.html.haml): `.js-2fa-recovery-codes` with the codes as JSON, mounted
 * by recovery_codes.vue (its template and strings, rendered after the load by the script below).
 */
export function codesPage({ username, codes }) {
  const data = escapeHtml(JSON.stringify(codes));
  return layout({
    title: 'Recovery Codes · Account · GitLab',
    username,
    body: `<div class="js-2fa-recovery-codes" data-codes="${data}" data-redirect-path="/-/profile/two_factor_auth"></div>`,
    script: `
(() => {
  const root = document.querySelector('.js-2fa-recovery-codes');
  const codes = JSON.parse(root.dataset.codes);
  const text = codes.join('\\n');
  const el = (tag, attrs = {}, children = []) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    for (const c of children) e.append(c);
    return e;
  };
  const proceed = el('a', { href: root.dataset.redirectPath, class: 'gl-button btn btn-confirm disabled', 'aria-disabled': 'true', 'data-testid': 'proceed-button' }, ['Proceed']);
  const enable = () => { proceed.classList.remove('disabled'); proceed.removeAttribute('aria-disabled'); };
  const copy = el('button', { type: 'button', class: 'gl-button btn btn-default', title: 'Copy codes', 'data-testid': 'copy-button' }, ['Copy codes']);
  copy.addEventListener('click', enable);
  const download = el('a', { href: 'data:text/plain;charset=utf-8,' + encodeURIComponent(text), download: '${DOWNLOAD_NAME}', class: 'gl-button btn btn-default', title: 'Download codes' }, ['Download codes']);
  download.addEventListener('click', enable);
  const print = el('button', { type: 'button', class: 'gl-button btn btn-default', title: 'Print codes' }, ['Print codes']);
  print.addEventListener('click', enable);
  root.replaceWith(el('div', {}, [
    el('h1', { class: 'page-title' }, ['Two-factor Authentication Recovery codes']),
    el('p', {}, ['Should you ever lose your phone or access to your one time password secret, each of these recovery codes can be used one time each to regain access to your account. Please save them in a safe place, or you ', el('strong', {}, ['will']), ' lose access to your account.']),
    el('div', { class: 'gl-alert gl-alert-info gl-alert-not-dismissible' }, [el('div', { class: 'gl-alert-body' }, ['Please copy, download, or print your recovery codes before proceeding.'])]),
    el('div', { class: 'gl-card codes-to-print gl-my-5', 'data-testid': 'recovery-codes' }, [
      el('div', { class: 'gl-card-body' }, [
        el('ul', { class: 'gl-m-0 gl-pl-5' }, codes.map((c) => el('li', {}, [el('span', { class: 'gl-font-monospace', 'data-testid': 'code-content' }, [c])]))),
      ]),
    ]),
    el('div', { class: '-gl-mx-2 -gl-my-2 gl-flex gl-flex-wrap' }, [copy, download, print, proceed].map((b) => el('div', { class: 'gl-p-2' }, [b]))),
  ]));
})();`,
  });
}
