// What saving a capture would do, in words: the same sentence under the page's banner and in the
// popup's pending captures.
import type { CapturePreview } from '../messages/protocol';
import { msg } from './index';

export function capturePreviewText(preview: CapturePreview, siteName: string): string {
  const parts: string[] = [];
  if (preview.adds.length > 0) parts.push(msg('captureAdds', { codes: preview.adds.join(', ') }));
  if (preview.invalidates.length > 0)
    parts.push(msg('captureInvalidates', { list: preview.invalidates.map((seq) => `#${seq}`).join(', '), site: siteName }));
  return parts.join(' ');
}
