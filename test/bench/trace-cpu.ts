// Main-thread CPU of one page load up to a mark the page sets, from a Chromium trace: the sum of
// the thread time of the renderer main thread's tasks from the document's navigationStart to the
// mark. Wall-clock figures on a shared machine mostly measure waiting; this is the work itself.
// (Performance.getMetrics counts the whole document's life so far, so it can't stop at a mark.)
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  tdur?: number;
  args?: { data?: { documentLoaderURL?: string } };
}

const CATEGORIES = 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,loading';

/** Traces `load()` (which navigates to `url` and resolves once the page set its marks). */
export async function traced(cdp: CDPSession, url: string, load: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  try {
    await load();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  if (!events.some((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url))
    throw new Error(`no navigationStart for ${url} in the trace`);
  return events;
}

/** Thread ms of the main thread's tasks between `url`'s navigationStart and the page's `mark`. */
export function cpuUntil(events: readonly TraceEvent[], url: string, mark: string): number {
  const start = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url);
  const end = events.find((e) => e.name === mark);
  if (!start || !end) throw new Error(`the trace lacks ${start ? mark : 'navigationStart'} for ${url}`);
  let ms = 0;
  for (const e of events)
    if (e.name === 'RunTask' && e.ph === 'X' && e.pid === start.pid && e.tid === start.tid && e.ts >= start.ts && e.ts < end.ts)
      ms += (e.tdur ?? 0) / 1000;
  return ms;
}
