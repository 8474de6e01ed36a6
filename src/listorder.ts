/**
 * How the list of analyses is kept in order as pages are read and the change
 * feed reports changes, kept apart from the widget so that its races can be
 * tested directly.
 *
 * The race this owns: the first page is read again whenever the feed
 * (re)connects, and a change can be reported while that read is in flight.
 * The page may have been read on the server before the change was made, so
 * putting the page on screen must not undo the change: the changes reported
 * since the read began are applied again on top of the page, each only if it
 * is not older than the copy the page holds.
 */
import { IThread } from './api';

/** A change of one thread, as the change feed reports it. */
export type ThreadChange = { thread: IThread } | { deleted: string };

/** Whether thread `a` is listed above `b` (newest activity first, then id). */
export function listedBefore(a: IThread, b: IThread): boolean {
  return (
    a.updated_at > b.updated_at ||
    (a.updated_at === b.updated_at && a.id > b.id)
  );
}

/**
 * The list with one change applied.
 *
 * A created or changed thread goes where it sorts; when that is below the
 * part of the list read so far (`more`: older threads exist unread) it is left
 * out, to come with a later page. A change older than the listed copy of the
 * same thread (a page read after it already holds something newer) is
 * ignored. A deleted thread is removed.
 *
 * @param threads - the threads listed, newest first.
 * @param change - what the feed reported.
 * @param more - whether older threads than those listed exist unread.
 * @returns the new list (`threads` itself when nothing changed).
 */
export function applyChange(
  threads: IThread[],
  change: ThreadChange,
  more: boolean
): IThread[] {
  if ('deleted' in change) {
    return threads.some(t => t.id === change.deleted)
      ? threads.filter(t => t.id !== change.deleted)
      : threads;
  }
  const thread = change.thread;
  const listed = threads.find(t => t.id === thread.id);
  if (listed && listed.updated_at > thread.updated_at) {
    return threads;
  }
  const others = threads.filter(t => t.id !== thread.id);
  const at = others.findIndex(t => listedBefore(thread, t));
  if (at < 0 && more) {
    return others;
  }
  others.splice(at < 0 ? others.length : at, 0, thread);
  return others;
}

/**
 * The list once a first page read again has arrived.
 *
 * The page replaces what it covers; threads listed below its last one stay
 * (they came from later pages and are still where they sort), in which case
 * the cursor of those later pages is kept. Then the changes reported since
 * the read began are applied on top.
 *
 * @param listed - the threads listed before (null: none read yet).
 * @param cursor - the cursor of the next page of `listed`.
 * @param page - the first page as read.
 * @param changes - the changes the feed reported while it was read.
 * @returns the threads and the cursor of the next page to read.
 */
export function afterFirstPage(
  listed: IThread[] | null,
  cursor: string | null,
  page: { threads: IThread[]; next_cursor: string | null },
  changes: readonly ThreadChange[]
): { threads: IThread[]; cursor: string | null } {
  const first = new Set(page.threads.map(t => t.id));
  const last = page.threads[page.threads.length - 1];
  const rest =
    page.next_cursor !== null && last
      ? (listed ?? []).filter(t => !first.has(t.id) && listedBefore(last, t))
      : [];
  const next = rest.length ? cursor : page.next_cursor;
  let threads = [...page.threads, ...rest];
  for (const change of changes) {
    threads = applyChange(threads, change, next !== null);
  }
  return { threads, cursor: next };
}

/**
 * The list once a later page has arrived (the list was scrolled down).
 *
 * The page's threads not listed yet are added below (one listed already was
 * changed since and moved up); then the changes reported while the page was
 * read are applied on top, so that one deleted meanwhile does not come back
 * with the page.
 *
 * @param listed - the threads listed before.
 * @param page - the next page as read.
 * @param changes - the changes the feed reported while it was read.
 * @returns the threads to list.
 */
export function afterNextPage(
  listed: IThread[],
  page: { threads: IThread[]; next_cursor: string | null },
  changes: readonly ThreadChange[]
): IThread[] {
  const known = new Set(listed.map(t => t.id));
  let threads = [...listed, ...page.threads.filter(t => !known.has(t.id))];
  for (const change of changes) {
    threads = applyChange(threads, change, page.next_cursor !== null);
  }
  return threads;
}
