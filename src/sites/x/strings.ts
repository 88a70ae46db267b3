// The only X texts the adapter reads, in the six languages it knows. They tell apart steps that
// share one DOM structure (issue 4: X's enter-text component serves the 2FA step in app and backup
// mode, the e-mailed code and the unusual-activity check), and find the "Use a backup code" radio,
// whose value differs per account. Structure decides whether a page is a candidate at all; these
// strings never make an unknown page a candidate.
//
// Sources (as recorded in test/replica/strings.mjs, which test/unit/sites/x/decide.test.ts keeps
// in step with this file): English from captures of X's login API (POST /1.1/onboarding/task.json:
// LoginTwoFactorAuthChallenge in app and backup mode, LoginTwoFactorAuthChooseMethod, LoginAcid,
// LoginEnterAlternateIdentifierSubtask). es/fr/de/ja/pt are the replica's careful translations,
// NOT verified against X's bundles: when X words a step differently, the step is classified
// 'unknown' (still offered, never auto-submitted) instead of being missed.

export const X_LANGUAGES = ['en', 'es', 'fr', 'de', 'ja', 'pt'] as const;
export type XLanguage = (typeof X_LANGUAGES)[number];

export interface XStepStrings {
  /** Heading and body of the 2FA step asking for the code generator app. */
  appTitle: string;
  appBody: string;
  /** Heading and body of the 2FA step asking for a backup code. */
  backupTitle: string;
  backupBody: string;
  /** Heading of the e-mailed code step (LoginAcid), and its body split around the address. */
  emailTitle: string;
  emailBody: readonly [before: string, after: string];
  /** Heading of the unusual-activity check (asks for a phone number or username, not a code). */
  unusualTitle: string;
  /** The link under the 2FA input, and the choice screen's heading. */
  chooseMethod: string;
  /** Radio labels on the choice screen. */
  choiceApp: string;
  choiceBackup: string;
}

export const X_STRINGS: Readonly<Record<XLanguage, XStepStrings>> = {
  en: {
    appTitle: 'Enter your verification code',
    appBody: 'Use your code generator app to generate a code and enter it below.',
    backupTitle: 'Enter your backup code',
    backupBody: 'Enter your backup code below.',
    emailTitle: 'Check your email',
    emailBody: [
      "In order to protect your account from suspicious activity, we've sent a confirmation code to ",
      '. Enter it below to sign in.',
    ],
    unusualTitle: 'Enter your phone number or username',
    chooseMethod: 'Choose a different verification method',
    choiceApp: 'Use a code generator app',
    choiceBackup: 'Use a backup code',
  },
  es: {
    appTitle: 'Introduce tu código de verificación',
    appBody: 'Usa tu aplicación generadora de códigos para generar un código e introdúcelo a continuación.',
    backupTitle: 'Introduce tu código de respaldo',
    backupBody: 'Introduce tu código de respaldo a continuación.',
    emailTitle: 'Revisa tu correo electrónico',
    emailBody: [
      'Para proteger tu cuenta de actividades sospechosas, enviamos un código de confirmación a ',
      '. Introdúcelo a continuación para iniciar sesión.',
    ],
    unusualTitle: 'Introduce tu número de teléfono o nombre de usuario',
    chooseMethod: 'Elegir otro método de verificación',
    choiceApp: 'Usar una aplicación generadora de códigos',
    choiceBackup: 'Usar un código de respaldo',
  },
  fr: {
    appTitle: 'Saisissez votre code de vérification',
    appBody: 'Utilisez votre application de génération de codes pour générer un code et saisissez-le ci-dessous.',
    backupTitle: 'Saisissez votre code de sauvegarde',
    backupBody: 'Saisissez votre code de sauvegarde ci-dessous.',
    emailTitle: 'Consultez vos e-mails',
    emailBody: [
      'Pour protéger votre compte contre toute activité suspecte, nous avons envoyé un code de confirmation à ',
      '. Saisissez-le ci-dessous pour vous connecter.',
    ],
    unusualTitle: "Entrez votre numéro de téléphone ou votre nom d'utilisateur",
    chooseMethod: 'Choisir une autre méthode de vérification',
    choiceApp: 'Utiliser une application de génération de codes',
    choiceBackup: 'Utiliser un code de sauvegarde',
  },
  de: {
    appTitle: 'Gib deinen Bestätigungscode ein',
    appBody: 'Generiere mit deiner Codegenerator-App einen Code und gib ihn unten ein.',
    backupTitle: 'Gib deinen Backup-Code ein',
    backupBody: 'Gib unten deinen Backup-Code ein.',
    emailTitle: 'Überprüfe deine E-Mails',
    emailBody: [
      'Um deinen Account vor verdächtigen Aktivitäten zu schützen, haben wir einen Bestätigungscode an ',
      ' gesendet. Gib ihn unten ein, um dich anzumelden.',
    ],
    unusualTitle: 'Gib deine Telefonnummer oder deinen Nutzernamen ein',
    chooseMethod: 'Andere Bestätigungsmethode wählen',
    choiceApp: 'Codegenerator-App verwenden',
    choiceBackup: 'Backup-Code verwenden',
  },
  ja: {
    appTitle: '認証コードを入力',
    appBody: 'コード生成アプリでコードを生成し、以下に入力してください。',
    backupTitle: 'バックアップコードを入力',
    backupBody: '以下にバックアップコードを入力してください。',
    emailTitle: 'メールを確認してください',
    emailBody: [
      '不審なアクティビティからアカウントを保護するため、',
      ' に確認コードを送信しました。ログインするには、以下にコードを入力してください。',
    ],
    unusualTitle: '電話番号またはユーザー名を入力',
    chooseMethod: '別の認証方法を選択',
    choiceApp: 'コード生成アプリを使用',
    choiceBackup: 'バックアップコードを使用',
  },
  pt: {
    appTitle: 'Digite seu código de verificação',
    appBody: 'Use seu app gerador de códigos para gerar um código e digite-o abaixo.',
    backupTitle: 'Digite seu código de backup',
    backupBody: 'Digite seu código de backup abaixo.',
    emailTitle: 'Verifique seu e-mail',
    emailBody: [
      'Para proteger sua conta contra atividades suspeitas, enviamos um código de confirmação para ',
      '. Digite-o abaixo para entrar.',
    ],
    unusualTitle: 'Digite seu número de celular ou nome de usuário',
    chooseMethod: 'Escolher outro método de verificação',
    choiceApp: 'Usar um app gerador de códigos',
    choiceBackup: 'Usar um código de backup',
  },
};

/**
 * Comparable form of a UI text: Unicode-normalised, lower case, one kind of apostrophe, single
 * spaces, no trailing full stop. "Enter your backup code." and "enter  your backup code" match.
 */
export function textKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?。！？]+$/u, '')
    .trim()
    .toLowerCase();
}

function keys(pick: (s: XStepStrings) => string): ReadonlySet<string> {
  return new Set(X_LANGUAGES.map((l) => textKey(pick(X_STRINGS[l]))));
}

export const KEYS = {
  appTitle: keys((s) => s.appTitle),
  appBody: keys((s) => s.appBody),
  backupTitle: keys((s) => s.backupTitle),
  backupBody: keys((s) => s.backupBody),
  emailTitle: keys((s) => s.emailTitle),
  unusualTitle: keys((s) => s.unusualTitle),
  chooseMethod: keys((s) => s.chooseMethod),
  choiceBackup: keys((s) => s.choiceBackup),
  choiceApp: keys((s) => s.choiceApp),
} as const;

/** Whether `text` is the e-mailed-code step's body in a known language (any address inside). */
export function isEmailBody(text: string): boolean {
  const t = textKey(text);
  return X_LANGUAGES.some((l) => {
    const [before, after] = X_STRINGS[l].emailBody;
    const b = textKey(before);
    const a = textKey(after);
    return t.startsWith(b) && t.endsWith(a) && t.length > b.length + a.length;
  });
}
