// What saving codes would do, in words: the same sentences under the page's banner, in the popup's
// pending captures and before a paste or import is saved.
import type { CapturePreview } from '../messages/protocol';
import type { PolicyKind } from '../vault/types';
import { msg } from './index';

/** "#1, #2" (the language's list separator); a run of three or more as "#1–#16" (a batch site's whole set). */
export function seqRuns(seqs: readonly number[]): string {
  const sorted = [...seqs].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) parts.push(`#${sorted[i]}–#${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(`#${sorted[k]}`);
    i = j + 1;
  }
  return parts.join(msg('listSeparator'));
}

/** Which of the account's codes saving makes invalid, and the site's rule that says so. */
export function invalidatesText(seqs: readonly number[], siteName: string, policy?: PolicyKind): string {
  return policy === 'batch'
    ? msg('invalidatesOldSet', { list: seqRuns(seqs), site: siteName })
    : msg('captureInvalidates', { list: seqs.map((seq) => `#${seq}`).join(msg('listSeparator')), site: siteName });
}

export function capturePreviewText(preview: CapturePreview, siteName: string, policy?: PolicyKind): string {
  const parts: string[] = [];
  if (preview.adds.length > 0) parts.push(msg('captureAdds', { codes: preview.adds.join(msg('listSeparator')) }));
  if (preview.invalidates.length > 0) parts.push(invalidatesText(preview.invalidates, siteName, policy));
  return parts.join(' ');
}
