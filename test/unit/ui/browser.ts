// The slice of the browser the popup touches, for component tests. Each UI test file says
//   vi.mock('wxt/browser', () => import('./browser'));
// (WXT's own fake browser module pulls in Vite and esbuild, which refuse to load under jsdom.)
import { vi } from 'vitest';
import { getMessage } from './helpers';

export const browser = {
  i18n: { getMessage: vi.fn(getMessage), getUILanguage: () => 'en' },
  tabs: { query: vi.fn(async (_q: unknown): Promise<Array<{ id?: number; url?: string }>> => []) },
  runtime: { sendMessage: vi.fn(async (_m: unknown): Promise<unknown> => undefined) },
  alarms: {
    create: vi.fn(async (_name: string, _info: { when?: number }) => undefined),
    onAlarm: { addListener: vi.fn((_l: (alarm: { name: string }) => void) => undefined) },
  },
};
export default browser;
