/**
 * The list of analyses as pages arrive and the change feed reports changes,
 * including a change reported while the first page is read again (the page
 * may predate it), which once left a new analysis off the list.
 */
import { IThread } from '../api';
import {
  afterFirstPage,
  afterNextPage,
  applyChange,
  ThreadChange
} from '../listorder';

function thread(id: string, minute: number, messages = 0): IThread {
  const at = `2025-01-01T00:${String(minute).padStart(2, '0')}:00Z`;
  return {
    id,
    name: `Analysis ${id}`,
    created_at: '2025-01-01T00:00:00Z',
    updated_at: at,
    message_count: messages,
    datasets: [],
    running_turn: null
  };
}

const ids = (threads: IThread[]): string[] => threads.map(t => t.id);

describe('applyChange', () => {
  it('puts a new analysis where it sorts', () => {
    const listed = [thread('c', 30), thread('a', 10)];
    expect(
      ids(applyChange(listed, { thread: thread('b', 20) }, false))
    ).toEqual(['c', 'b', 'a']);
  });

  it('moves an answered analysis to the top, once', () => {
    const listed = [thread('c', 30), thread('b', 20), thread('a', 10)];
    const next = applyChange(listed, { thread: thread('a', 40, 2) }, false);
    expect(ids(next)).toEqual(['a', 'c', 'b']);
    expect(next[0].message_count).toBe(2);
  });

  it('leaves out a change that sorts below what was read, while more is unread', () => {
    const listed = [thread('c', 30), thread('b', 20)];
    expect(ids(applyChange(listed, { thread: thread('a', 10) }, true))).toEqual(
      ['c', 'b']
    );
    expect(
      ids(applyChange(listed, { thread: thread('a', 10) }, false))
    ).toEqual(['c', 'b', 'a']);
  });

  it('keeps a newer listed copy over an older report of the same analysis', () => {
    const listed = [thread('a', 40, 2), thread('b', 20)];
    const next = applyChange(listed, { thread: thread('a', 15, 0) }, false);
    expect(next).toBe(listed);
  });

  it('removes a deleted analysis', () => {
    const listed = [thread('b', 20), thread('a', 10)];
    expect(ids(applyChange(listed, { deleted: 'b' }, false))).toEqual(['a']);
    expect(applyChange(listed, { deleted: 'zz' }, false)).toBe(listed);
  });
});

describe('afterFirstPage', () => {
  it('keeps an analysis created while the page was read, the page predating it', () => {
    // The page was read on the server before 'new' existed; the feed reported
    // it while the response was on its way.
    const before = [thread('b', 20), thread('a', 10)];
    const page = {
      threads: [thread('b', 20), thread('a', 10)],
      next_cursor: null
    };
    const changes: ThreadChange[] = [{ thread: thread('new', 50) }];
    const { threads } = afterFirstPage(before, null, page, changes);
    expect(ids(threads)).toEqual(['new', 'b', 'a']);
  });

  it('keeps a deletion reported while the page was read', () => {
    const page = {
      threads: [thread('b', 20), thread('a', 10)],
      next_cursor: null
    };
    const { threads } = afterFirstPage(null, null, page, [{ deleted: 'b' }]);
    expect(ids(threads)).toEqual(['a']);
  });

  it('does not undo the page with an older report', () => {
    const page = { threads: [thread('a', 40, 2)], next_cursor: null };
    const { threads } = afterFirstPage(null, null, page, [
      { thread: thread('a', 30, 1) }
    ]);
    expect(threads[0].message_count).toBe(2);
  });

  it('keeps the threads of later pages below the first, with their cursor', () => {
    const listed = [
      thread('d', 40),
      thread('c', 30),
      thread('b', 20),
      thread('a', 10)
    ];
    const page = {
      threads: [thread('e', 50), thread('d', 40)],
      next_cursor: 'p1'
    };
    const { threads, cursor } = afterFirstPage(listed, 'p2', page, []);
    expect(ids(threads)).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(cursor).toBe('p2');
  });

  it('takes the page cursor when nothing below the page was read', () => {
    const listed = [thread('d', 40)];
    const page = {
      threads: [thread('e', 50), thread('d', 40)],
      next_cursor: 'p1'
    };
    const { threads, cursor } = afterFirstPage(listed, null, page, [
      { thread: thread('old', 5) }
    ]);
    // the old one sorts below the page with more unread: it comes later
    expect(ids(threads)).toEqual(['e', 'd']);
    expect(cursor).toBe('p1');
  });
});

describe('afterNextPage', () => {
  it('adds the older threads below, once', () => {
    const listed = [thread('a', 40), thread('d', 30)];
    const page = {
      threads: [thread('c', 20), thread('a', 10)],
      next_cursor: 'p3'
    };
    // 'a' was answered meanwhile and moved up: the page's older copy is not added
    expect(ids(afterNextPage(listed, page, []))).toEqual(['a', 'd', 'c']);
  });

  it('does not bring back a thread deleted while the page was read', () => {
    const listed = [thread('d', 30)];
    const page = {
      threads: [thread('c', 20), thread('b', 10)],
      next_cursor: null
    };
    expect(ids(afterNextPage(listed, page, [{ deleted: 'c' }]))).toEqual([
      'd',
      'b'
    ]);
  });
});
