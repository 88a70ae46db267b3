import { describe, expect, it } from 'vitest';
import { gitlabImport } from '../../../../src/sites/gitlab/import';
import { expectVaultError } from '../../vault/helpers';
import { GITHUB_FILE, GITLAB_FILE } from '../../vault/import/samples';

describe("GitLab's gitlab-recovery-codes.txt", () => {
  it('reads all ten codes', () => {
    const r = gitlabImport.parse(GITLAB_FILE);
    expect(r).toEqual({ codes: GITLAB_FILE.split('\n'), format: 'gitlab' });
  });

  it('refuses a GitHub file', () => {
    expectVaultError(() => gitlabImport.parse(GITHUB_FILE), 'invalid-format');
  });
});
