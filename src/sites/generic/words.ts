// The words the generic detector reads, per language. Positive only: a field is ours when its own
// attributes, its label or its step's visible text say "backup/recovery code"; every other list
// here only takes an offer away (an authenticator app mentioned beside it, a code that was SENT,
// a coupon, an e-mail or phone field).
//
// Sources for the wordings (issue 13, checked with the search tool): en from GitHub, GitLab
// (gitlabhq devise/shared/_totp_recovery_code_or_webauthn), PyPI (warehouse accounts/
// recovery-code.html), Mozilla (fxa signin-recovery-code en.ftl: "backup authentication code"),
// Google ("8-digit backup codes"), Discord ("Enter Discord Auth/Backup Code"); the other languages
// from the same sites' public translations where found (Google de "Back-up-Codes", Mozilla fr
// "code d'authentification de secours", Laravel Jetstream nl "herstelcode") and the wordings the
// issue lists. All texts are matched after norm() below: NFKC, lower case, one space, no spaces
// inside CJK runs ("バックアップ コード" is Google ja's spelling).

/** Lower case, NFKC, one space between words, none between CJK characters. */
export function norm(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/(?<=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]) (?=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])/g, '')
    .trim();
}

/**
 * An attribute value as words: "backupCodePin" → "backup code pin", "user[otp_attempt]" →
 * "user otp attempt", "totp:recovery-code" → "totp recovery code".
 */
export function attrWords(value: string): string {
  return norm(value.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_\-:.[\]/]+/g, ' '));
}

/** "backup/recovery code" in each language we read. The key names the language for reports. */
export const RECOVERY: Readonly<Record<string, RegExp>> = {
  en: /\b(?:recovery|backup|back-up|back up|rescue|scratch)\s?(?:(?:authentication|verification|login|sign-in|security|2fa|two-factor|mfa)\s)?codes?\b/,
  de: /(?:wiederherstellungs|backup|back-up|sicherungs|notfall|ersatz)-?\s?codes?/,
  fr: /codes?\s(?:d'authentification\s|de\sv[ée]rification\s)?de\s(?:r[ée]cup[ée]ration|secours|sauvegarde|restauration)/,
  es: /c[óo]digos?\s(?:de\s)?(?:recuperaci[óo]n|respaldo|reserva|emergencia|copia de seguridad)/,
  pt: /c[óo]digos?\s(?:de\s)?(?:recupera[çc][ãa]o|backup|reserva|emerg[êe]ncia|c[óo]pia de seguran[çc]a)/,
  it: /codic[ei]\s(?:di\s)?(?:recupero|backup|riserva|emergenza|ripristino)/,
  nl: /(?:herstel|back-?up|reserve|nood)-?codes?/,
  pl: /kod(?:y|u|ów|em)?\s(?:do\s)?(?:odzyskiwania|zapasow\p{L}*|awaryjn\p{L}*)|zapasow\p{L}*\skod/u,
  tr: /(?:kurtarma|yedek(?:leme)?)\skod/,
  ru: /код\p{L}*\s(?:для\s)?восстановлени\p{L}*|резервн\p{L}*\sкод|код\p{L}*\sвідновлення/u,
  ja: /(?:リカバリー?|バックアップ|復元|回復|予備)コード/,
  zh: /(?:恢复|恢復|复原|復原|备用|備用|备份|備份|救援)(?:代码|代碼|码|碼|验证码|驗證碼)/,
  ko: /(?:복구|백업)\s?코드/,
};

/** The languages the issue asks for; the test checks each has a pattern above. */
export const REQUIRED_LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'ja', 'zh', 'it', 'nl', 'pl', 'tr', 'ru'] as const;

/**
 * The field (also) takes the authenticator app's code. Matched after the recovery phrases are cut
 * out, so Mozilla's "backup authentication code" does not read as an app code.
 */
const APP =
  /authenticat(?:or|ion)\s(?:app|application)|authenticator|two-factor\s(?:authentication\s)?(?:app|code)|2fa\s(?:app|code)|code generator|\btotp\b|authentication code|\b6-digit\b|six-digit|authentifizierungs-?app|zwei-faktor-(?:app|code)|application d'authentification|authentificateur|aplicaci[óo]n de autenticaci[óo]n|autenticador|aplicativo de autentica|app de autentica|app di autenticazione|aplikacj\p{L}* uwierzytelniaj|do[ğg]rulama uygulama|аутентификатор|приложени\p{L}* (?:для )?аутентификаци|認証アプリ|認証システム|認証コード|確認コード|身份验证器|身份驗證器|验证器|驗證器|认证器/u;

/** Attribute words that mark a TOTP field ("app_totp", "user[otp_attempt]", "totpPin"). */
const APP_ATTR = /\b(?:totp|otp|authenticator)\b|totp/;

/** The step says a code was sent (e-mail, SMS, phone): never a saved recovery code. */
const SENT =
  /\bwe(?:'ve| have)?\s(?:just\s)?(?:sent|emailed|texted)|\b(?:was|been|code|were)\s(?:just\s)?sent\b|\bsent\s(?:to|a|you|it)\b|\bcheck your (?:e-?mail|inbox|phone|messages)|\b(?:emailed|texted) (?:to|you)\b|gesendet|geschickt|envoy[ée]|enviad[oa]|enviamos|inviat[oa]|verzonden|verstuurd|gestuurd|wysła\p{L}*|gönder(?:dik|ildi|ilen)|отправ(?:или|лен\p{L}*)|выслан\p{L}*|выслали|送信しました|送信された|お送りし|送りました|已发送|发送到|发送至|已傳送|傳送到|已寄送/u;

/** A field for something else that merely has a code in its name: coupons, e-mail, phone. */
const ELSEWHERE =
  /coupon|promo|voucher|gift|discount|referral|invit|redeem|\be-?mail|phone number|recovery phone|mobile number|\bsms\b|\btel\b|telefonnummer|numéro de téléphone|número de teléfono|gutschein|rabatt|réduction|cupón|cupom|descuento|desconto|buono|sconto|korting|cadeau|rabat|kupon|indirim|промокод|купон|скидк|クーポン|プロモ|割引|优惠|折扣|兑换|兌換|礼品|禮品/u;

export interface Match {
  lang: string;
  /** The words that matched, as they read after norm(). */
  words: string;
}

/** The first recovery-code phrase in the text, in any language. */
export function recoveryIn(text: string): Match | null {
  const t = norm(text);
  for (const [lang, re] of Object.entries(RECOVERY)) {
    const m = re.exec(t);
    if (m) return { lang, words: m[0] };
  }
  return null;
}

function withoutRecovery(text: string): string {
  let t = norm(text);
  for (const re of Object.values(RECOVERY)) t = t.replace(new RegExp(re.source, `${re.flags}g`), ' ');
  return t;
}

export function mentionsApp(text: string): boolean {
  return APP.test(withoutRecovery(text));
}

export function appAttribute(words: string): boolean {
  return APP_ATTR.test(withoutRecovery(words));
}

export function saysSent(text: string): boolean {
  return SENT.test(norm(text));
}

export function meansElsewhere(text: string): boolean {
  return ELSEWHERE.test(withoutRecovery(text));
}
