// The browser's optional host permissions, as the popup asks for them: taken from context so
// component tests hand in a fake and the popup hands in the browser's.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { browser } from 'wxt/browser';

export interface HostPermissions {
  /** permissions.request: must be called inside the person's click, before any await. */
  request(origins: string[]): Promise<boolean>;
  remove(origins: string[]): Promise<boolean>;
}

export const browserHostPermissions: HostPermissions = {
  request: (origins) => browser.permissions.request({ origins }),
  remove: (origins) => browser.permissions.remove({ origins }),
};

export const PermissionsContext = createContext<HostPermissions>(browserHostPermissions);

export function usePermissions(): HostPermissions {
  return useContext(PermissionsContext);
}
