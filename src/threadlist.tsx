/**
 * The list of analyses (threads): open, rename inline, delete; the next page
 * is read when the end of the list scrolls into view.
 */
import { Time } from '@jupyterlab/coreutils';
import { TranslationBundle } from '@jupyterlab/translation';
import {
  addIcon,
  deleteIcon,
  editIcon,
  launchIcon,
  refreshIcon,
  tableRowsIcon,
  ToolbarButtonComponent
} from '@jupyterlab/ui-components';
import * as React from 'react';

import { IThread } from './api';
import { vistaIcon } from './icons';

/** What the thread list is showing. */
export interface IThreadListState {
  threads: IThread[] | null;
  error: string | null;
  loading: boolean;
  /** More (older) threads than those listed exist. */
  more: boolean;
  /** The next page is being read. */
  loadingMore: boolean;
}

export interface IThreadListProps {
  state: IThreadListState;
  trans: TranslationBundle;
  onRefresh: () => void;
  onOpen: (thread: IThread) => void;
  /** Open in the other place (the sidebar, or a tab) than a click does. */
  onOpenElsewhere: (thread: IThread) => void;
  /** Where a click opens an analysis. */
  openIn: 'main' | 'sidebar';
  onNew: () => void;
  onRename: (thread: IThread, name: string) => Promise<void>;
  onDelete: (thread: IThread) => void;
  onDropFile: (file: File) => void;
  /** Read the next page (the end of the list came into view). */
  onLoadMore: () => void;
}

/** The end of the list: reads the next page when it comes into view. */
function MoreThreads(props: {
  loading: boolean;
  trans: TranslationBundle;
  onLoadMore: () => void;
}): JSX.Element {
  const { loading, trans, onLoadMore } = props;
  const ref = React.useRef<HTMLSpanElement>(null);
  const load = React.useRef(onLoadMore);
  load.current = onLoadMore;
  React.useEffect(() => {
    const node = ref.current;
    if (!node || typeof IntersectionObserver === 'undefined') {
      return;
    }
    // Ahead of time: the next page is there before the end is reached.
    const observer = new IntersectionObserver(
      entries => {
        if (entries.some(entry => entry.isIntersecting)) {
          load.current();
        }
      },
      { rootMargin: '0px 0px 400px 0px' }
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [loading]);
  return (
    <li className="jp-vista-thread-more">
      <button
        type="button"
        className="jp-Button jp-mod-styled jp-vista-more-threads"
        disabled={loading}
        onClick={onLoadMore}
      >
        {loading ? trans.__('Loading…') : trans.__('Show more analyses')}
      </button>
      <span ref={ref} aria-hidden="true" />
    </li>
  );
}

/** The sidebar's home: header, error, and the list or its empty state. */
export function ThreadListView(props: IThreadListProps): JSX.Element {
  const { state, trans, onRefresh } = props;
  const { threads, error, loading } = state;
  const [dragging, setDragging] = React.useState(false);
  // Analyses sharing a name are told apart by when they started.
  const names = new Map<string, number>();
  for (const thread of threads ?? []) {
    names.set(thread.name, (names.get(thread.name) ?? 0) + 1);
  }

  return (
    <div
      className={`jp-vista-panel jp-vista-list-view${
        dragging ? ' jp-mod-dropTarget' : ''
      }`}
      onDragOver={event => {
        if (event.dataTransfer.types.includes('Files')) {
          event.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={event => {
        setDragging(false);
        const file = event.dataTransfer.files[0];
        if (file) {
          event.preventDefault();
          props.onDropFile(file);
        }
      }}
    >
      <header className="jp-vista-header">
        <h2 className="jp-vista-title">{trans.__('Vista')}</h2>
        <div className="jp-vista-header-actions">
          <ToolbarButtonComponent
            className="jp-vista-new-button"
            icon={addIcon}
            tooltip={trans.__('New analysis')}
            onClick={props.onNew}
          />
          <ToolbarButtonComponent
            className="jp-vista-refresh"
            icon={refreshIcon}
            tooltip={trans.__('Refresh the list of analyses')}
            enabled={!loading}
            onClick={onRefresh}
          />
        </div>
      </header>
      {error !== null && (
        <div className="jp-vista-error" role="alert">
          <span className="jp-vista-error-title">
            {trans.__('Could not load analyses:')}
          </span>{' '}
          <span className="jp-vista-error-message">{error}</span>
        </div>
      )}
      {threads === null ? (
        error === null && (
          <p className="jp-vista-status" aria-live="polite">
            {trans.__('Loading…')}
          </p>
        )
      ) : threads.length === 0 ? (
        <div className="jp-vista-empty">
          <vistaIcon.react
            className="jp-vista-empty-icon"
            tag="div"
            width="48px"
            height="48px"
          />
          <p className="jp-vista-empty-title">
            {trans.__('Ask your data questions in plain language')}
          </p>
          <p className="jp-vista-empty-text">
            {trans.__(
              'No analyses yet. Bring a file (CSV, Excel, Parquet, JSON) or try an example dataset, then ask things like “average price by region”.'
            )}
          </p>
          <button
            type="button"
            className="jp-Button jp-mod-styled jp-mod-accept jp-vista-primary"
            onClick={props.onNew}
          >
            {trans.__('Start a new analysis')}
          </button>
        </div>
      ) : (
        <ul className="jp-vista-thread-list" aria-label={trans.__('Analyses')}>
          {threads.map(thread => (
            <ThreadItem
              key={thread.id}
              thread={thread}
              trans={trans}
              sameName={names.get(thread.name) !== 1}
              openIn={props.openIn}
              onOpen={props.onOpen}
              onOpenElsewhere={props.onOpenElsewhere}
              onRename={props.onRename}
              onDelete={props.onDelete}
            />
          ))}
          {state.more && (
            <MoreThreads
              loading={state.loadingMore}
              trans={trans}
              onLoadMore={props.onLoadMore}
            />
          )}
        </ul>
      )}
      {threads !== null && threads.length > 0 && (
        <p className="jp-vista-drop-hint">
          {trans.__('Drop a data file here to start a new analysis.')}
        </p>
      )}
    </div>
  );
}

/** One row of the thread list. */
function ThreadItem(props: {
  thread: IThread;
  trans: TranslationBundle;
  /** Another analysis in the list has the same name. */
  sameName: boolean;
  openIn: 'main' | 'sidebar';
  onOpen: (thread: IThread) => void;
  onOpenElsewhere: (thread: IThread) => void;
  onRename: (thread: IThread, name: string) => Promise<void>;
  onDelete: (thread: IThread) => void;
}): JSX.Element {
  const { thread, trans } = props;
  const [editing, setEditing] = React.useState(false);
  const [draft, setDraft] = React.useState(thread.name);
  const [renameError, setRenameError] = React.useState<string | null>(null);
  const input = React.useRef<HTMLInputElement>(null);
  const updated = Time.formatHuman(thread.updated_at);
  const updatedFull = Time.format(thread.updated_at);
  const datasets = thread.datasets ?? [];

  React.useEffect(() => {
    if (editing) {
      input.current?.focus();
      input.current?.select();
    }
  }, [editing]);

  const commit = async (): Promise<void> => {
    const name = draft.trim();
    if (!name || name === thread.name) {
      setEditing(false);
      setRenameError(null);
      return;
    }
    try {
      await props.onRename(thread, name);
      setEditing(false);
      setRenameError(null);
    } catch (error) {
      setRenameError(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <li
      className="jp-vista-thread-item"
      data-thread-id={thread.id}
      title={trans.__('%1, updated %2', thread.name, updatedFull)}
    >
      {editing ? (
        <div className="jp-vista-thread-rename">
          <input
            ref={input}
            className="jp-mod-styled jp-vista-rename-input"
            value={draft}
            maxLength={200}
            aria-label={trans.__('New name for %1', thread.name)}
            onChange={event => setDraft(event.target.value)}
            onKeyDown={event => {
              if (event.key === 'Enter') {
                event.preventDefault();
                void commit();
              } else if (event.key === 'Escape') {
                event.preventDefault();
                setDraft(thread.name);
                setEditing(false);
                setRenameError(null);
              }
            }}
            onBlur={() => void commit()}
          />
          {renameError && (
            <span className="jp-vista-inline-error" role="alert">
              {renameError}
            </span>
          )}
        </div>
      ) : (
        <button
          type="button"
          className="jp-vista-thread-open"
          onClick={() => props.onOpen(thread)}
          aria-label={trans.__('Open analysis %1', thread.name)}
        >
          <span className="jp-vista-thread-name">
            {thread.running_turn && (
              <span
                className="jp-vista-running-dot"
                title={trans.__('Answering now')}
                aria-label={trans.__('Answering now')}
              />
            )}
            {thread.name}
          </span>
          {(datasets.length > 0 || props.sameName) && (
            <span className="jp-vista-thread-datasets">
              {datasets.join(', ')}
              {props.sameName && (
                <>
                  {datasets.length > 0 && <span aria-hidden="true"> · </span>}
                  <time
                    className="jp-vista-thread-started"
                    dateTime={thread.created_at}
                  >
                    {trans.__('started %1', shortTime(thread.created_at))}
                  </time>
                </>
              )}
            </span>
          )}
          <span className="jp-vista-thread-meta">
            {thread.running_turn ? (
              <span className="jp-vista-thread-running">
                {trans.__('answering now')}
              </span>
            ) : (
              <time dateTime={thread.updated_at}>{updated}</time>
            )}
            <span aria-hidden="true"> · </span>
            <span className="jp-vista-thread-count">
              {trans._n('%1 message', '%1 messages', thread.message_count)}
            </span>
          </span>
        </button>
      )}
      {!editing && (
        <div className="jp-vista-thread-actions">
          <ToolbarButtonComponent
            className="jp-vista-open-elsewhere"
            icon={props.openIn === 'main' ? tableRowsIcon : launchIcon}
            tooltip={
              props.openIn === 'main'
                ? trans.__('Open %1 in the sidebar', thread.name)
                : trans.__('Open %1 in a tab', thread.name)
            }
            onClick={() => props.onOpenElsewhere(thread)}
          />
          <ToolbarButtonComponent
            className="jp-vista-rename-button"
            icon={editIcon}
            tooltip={trans.__('Rename %1', thread.name)}
            onClick={() => {
              setDraft(thread.name);
              setEditing(true);
            }}
          />
          <ToolbarButtonComponent
            className="jp-vista-delete-button"
            icon={deleteIcon}
            tooltip={trans.__('Delete %1', thread.name)}
            onClick={() => props.onDelete(thread)}
          />
        </div>
      )}
    </li>
  );
}

/** A moment as a short local date and time ("Nov 25, 14:03"). */
function shortTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return date.toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit'
  });
}
