import { describe, expect, it } from 'vitest';
import { IMPORTS } from '../../../../src/sites/index';
import { detectImport } from '../../../../src/vault/index';
import { expectVaultError } from '../helpers';
import { DISCORD_FILE, GITHUB_FILE, GITLAB_FILE, GOOGLE_FILE, PLAIN_FILE, PROTON_FILE } from './samples';

describe('detectImport', () => {
  it.each([
    ['github-recovery-codes.txt', GITHUB_FILE, 'github', 'github'],
    ['gitlab-recovery-codes.txt', GITLAB_FILE, 'gitlab', 'gitlab'],
    ['discord_backup_codes.txt', DISCORD_FILE, 'discord', 'discord'],
    ['proton_recovery_codes.txt', PROTON_FILE, 'proton', 'proton'],
    ['Backup-codes-alex.example.txt', GOOGLE_FILE, 'google', 'google'],
    ['my-codes.txt', PLAIN_FILE, 'plain', 'generic'],
  ])('reads %s with the parser its name calls for', (name, text, parser, format) => {
    const r = detectImport(name, text, IMPORTS);
    expect([r.parser, r.format]).toEqual([parser, format]);
    expect(r.codes.length).toBeGreaterThan(0);
  });

  it('accepts the " (1)" browsers add to a repeated download, and a path before the name', () => {
    expect(detectImport('github-recovery-codes (1).txt', GITHUB_FILE, IMPORTS).parser).toBe('github');
    expect(detectImport('C:\\fakepath\\gitlab-recovery-codes(2).txt', GITLAB_FILE, IMPORTS).parser).toBe('gitlab');
    expect(detectImport('/home/sam/Downloads/discord_backup_codes.txt', DISCORD_FILE, IMPORTS).parser).toBe('discord');
  });

  it('holds a named file to its parser: a broken GitHub file fails rather than passing as a plain list', () => {
    expectVaultError(() => detectImport('github-recovery-codes.txt', `${GITHUB_FILE}hello there\r\n`, IMPORTS), 'invalid-format');
  });

  it('recognises renamed site files by their content', () => {
    expect(detectImport('codes.txt', GITHUB_FILE, IMPORTS).parser).toBe('github');
    expect(detectImport('codes.txt', GITLAB_FILE, IMPORTS).parser).toBe('gitlab');
    expect(detectImport('codes.txt', DISCORD_FILE, IMPORTS).parser).toBe('discord');
    expect(detectImport('old_wifi_settings.txt', GOOGLE_FILE, IMPORTS).parser).toBe('google');
  });

  it("tries content in the registry's order: a file both Google's and Discord's parsers read goes to Google", () => {
    const both = '1. 1234 5678\n* abcd-1234';
    expect(IMPORTS.find((p) => p.id === 'discord')!.parse(both).codes).toEqual(['abcd1234']);
    expect(detectImport('codes.txt', both, IMPORTS)).toMatchObject({ parser: 'google', codes: ['12345678'] });
  });

  it("reads a renamed Proton file as a plain list: its content is just codes", () => {
    const r = detectImport('codes.txt', PROTON_FILE, IMPORTS);
    expect([r.parser, r.format, r.codes]).toEqual(['plain', 'generic', PROTON_FILE.split('\r\n')]);
  });

  it('takes the Google account from the file name when the file names none', () => {
    const text = GOOGLE_FILE.replace('(alex.example@gmail.com)', '');
    expect(detectImport('Backup-codes-alex.example (1).txt', text, IMPORTS).account).toBe('alex.example');
    expect(detectImport('Backup-codes-other.txt', GOOGLE_FILE, IMPORTS).account).toBe('alex.example@gmail.com');
  });

  it('fails with a typed error on a file that is no list of codes at all', () => {
    expectVaultError(() => detectImport('notes.txt', 'ok\n', IMPORTS), 'invalid-format');
    expectVaultError(() => detectImport('empty.txt', '', IMPORTS), 'invalid-format');
  });
});
