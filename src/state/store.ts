import { create } from 'zustand';
import { DEFAULT_STATE, decodeState, linkSearch, type UserState } from './url.ts';

interface Store extends UserState {
  /** Applies the user's choices and records them in the URL (one history entry per change). */
  set: (patch: Partial<UserState>, options?: { replace?: boolean }) => void;
}

/** The user's choices; nothing derived lives here. */
export const useStore = create<Store>()((setState, getState) => ({
  ...DEFAULT_STATE,
  set: (patch, options) => {
    // A table's sort and search belong to the page they were made on.
    const leaving = patch.view !== undefined && patch.view !== getState().view;
    setState(leaving ? { sort: null, search: '', ...patch } : patch);
    if (typeof window === 'undefined') return;
    const url = `${window.location.pathname}${linkSearch(pickState(getState()), linkBase().length).search}${window.location.hash}`;
    if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
    if (options?.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
  },
}));

/** The UserState part of the store. */
export function pickState(s: UserState): UserState {
  const out = {} as Record<keyof UserState, unknown>;
  for (const k of Object.keys(DEFAULT_STATE) as Array<keyof UserState>) out[k] = s[k];
  return out as UserState;
}

/** Reads the URL into the store now and whenever the user goes back or forward. */
export function syncStoreWithUrl(): () => void {
  const read = () => useStore.setState(decodeState(window.location.search));
  read();
  window.addEventListener('popstate', read);
  return () => window.removeEventListener('popstate', read);
}

/** The page's address before its query string (origin and path). */
const linkBase = () => `${window.location.origin}${window.location.pathname}`;

/** Whether the page's link leaves out the console's statement because it is too long for a link (url.ts LINK_MAX). */
export function linkLeavesOutSql(state: UserState): boolean {
  return typeof window !== 'undefined' && linkSearch(pickState(state), linkBase().length).sqlLeftOut;
}
