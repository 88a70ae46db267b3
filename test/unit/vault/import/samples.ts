// Files shaped like the ones sites hand out, with made-up codes. Each says what it models.

/** github-recovery-codes.txt: GitHub's download, 16 codes, CRLF line ends. */
export const GITHUB_FILE = [
  '3f9a1-0c2d4', 'b7e20-91fa3', '0d4c8-e6b15', '5a2f7-c93d0', 'e18b4-7f6a2', '92c0d-3b8e1',
  '6f1a9-d40c7', 'c3b52-08e9f', '41d7e-a25c6', 'f0a38-6c1d9', '8e2b6-4d0f3', '1c9f0-b7a24',
  'a5d31-e82c0', '7b04e-1f9d6', 'd26a8-50c3b', '04f7c-9ae12',
].join('\r\n') + '\r\n';

/** gitlab-recovery-codes.txt: GitLab's recovery_codes.vue, `codes.join('\n')`, ten codes. */
export const GITLAB_FILE = [
  'a1b2c3d4e5f60718', '9f8e7d6c5b4a3921', '0a1b2c3d4e5f6a7b', '5e4d3c2b1a09f8e7', 'c0ffee1234567890',
  '1234567890abcdef', 'fedcba0987654321', '0f1e2d3c4b5a6978', '89abcdef01234567', '7a6b5c4d3e2f1a0b',
].join('\n');

/** proton_recovery_codes.txt: Proton's web client, `recoveryCodes.join('\r\n')`. */
export const PROTON_FILE = ['1a2b3c4d', '5e6f7a8b', '9c0d1e2f', '3a4b5c6d', '7e8f9a0b', 'c1d2e3f4'].join('\r\n');

/**
 * discord_backup_codes.txt: Discord's client, a header naming the account, a blank line, then
 * "* xxxx-xxxx " per code with a localised "(used)" after consumed ones, CRLF line ends.
 */
export const DISCORD_FILE = [
  'These are your Discord backup codes for account sam@example.com. Keep them safe!',
  '',
  '* k2m9-x4p7 ',
  '* 8qwe-r5t1 (used)',
  '* z7x6-c5v4 ',
  '* b3n2-m1l0 ',
  '* p9o8-i7u6 (used)',
  '* y5t4-r3e2 ',
  '* w1q2-a3s4 ',
  '* d5f6-g7h8 ',
  '* j9k0-l1z2 ',
  '* x3c4-v5b6 ',
].join('\r\n');

/** Backup-codes-<user>.txt: Google's download, two numbered columns, the account in parentheses. */
export const GOOGLE_FILE = [
  'SAVE YOUR BACKUP CODES',
  'Keep these backup codes somewhere safe but accessible.',
  '',
  '1. 4821 9930\t\t6. 1029 3847',
  '2. 5566 7781\t\t7. 9182 7364',
  '3. 3141 5926\t\t8. 2718 2818',
  '4. 1618 0339\t\t9. 1414 2135',
  '5. 1732 0508\t\t10. 2236 0679',
  '',
  '(alex.example@gmail.com)',
  ' * You can only use each backup code once.',
  ' * Need more backup codes? Visit g.co/2sv',
  ' * Generated: Jan 5, 2024',
  '',
].join('\n');

/** An older Google layout: the account on its own line under the title, one column. */
export const GOOGLE_OLD_FILE = [
  'BACKUP VERIFICATION CODES',
  'alex.example@gmail.com',
  '',
  '1. 4821 9930',
  '2. 5566 7781',
  '3. 3141 5926',
  '',
  'Each code can be used only once.',
].join('\r\n');

/** A list a person wrote themselves. */
export const PLAIN_FILE = ['1. alpha-7731', '2. bravo-0192', '', '- charlie 5566'].join('\n');
