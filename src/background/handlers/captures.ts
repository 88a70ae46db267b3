// Pending captures as the popup sees them: list, save, dismiss (the banner's own are in content.ts).
import { dismissCapture, pendingCaptures, saveCaptured } from '../capturing';
import type { CaptureBox } from '../captures';
import type { BackgroundDeps } from '../deps';
import type { Handlers } from '../router';

export function captureHandlers(deps: BackgroundDeps, captures: CaptureBox) {
  return {
    'captures/list': () => pendingCaptures(deps, captures),
    'captures/save': ({ captureId, revision }) => saveCaptured(deps, captures, captureId, revision),
    'captures/dismiss': ({ captureId }) => dismissCapture(deps, captures, captureId),
  } satisfies Partial<Handlers>;
}
