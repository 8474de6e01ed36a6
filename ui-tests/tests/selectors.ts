/**
 * Every selector and id the Vista UI tests use, in one place.
 */

/** Id of the Vista sidebar widget (also its tab's `data-id`). */
export const SIDEBAR_ID = 'jp-vista-sidebar';

/** The sidebar panel itself. */
export const sidebar = `#${SIDEBAR_ID}`;

/** The sidebar's tab in the left tab bar. */
export const sidebarTab = `.jp-SideBar.jp-mod-left .lm-TabBar-tab[data-id="${SIDEBAR_ID}"]`;

/** One row of the thread list. */
export const threadItem = '.jp-vista-thread-item';

/** The visible error state. */
export const errorState = '.jp-vista-error';

/** The REST path that creates a thread (relative to the server root). */
export const threadsEndpoint = 'vista/api/threads';
