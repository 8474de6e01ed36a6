/**
 * The Vista left-sidebar panel: the list of analyses (threads).
 */
import { ReactWidget } from '@jupyterlab/apputils';
import { Time } from '@jupyterlab/coreutils';
import {
  nullTranslator,
  ITranslator,
  TranslationBundle
} from '@jupyterlab/translation';
import {
  refreshIcon,
  ToolbarButtonComponent
} from '@jupyterlab/ui-components';
import { Message } from '@lumino/messaging';
import * as React from 'react';

import { IThread, VistaAPIError, VistaClient } from './api';
import { vistaIcon } from './icons';

/** The translation domain of every Vista string. */
export const TRANSLATION_DOMAIN = 'vista_jupyter';

/** Default seconds between two polls of the thread list. */
export const DEFAULT_REFRESH_INTERVAL = 30;

/** What the thread list is showing. */
interface IThreadListState {
  threads: IThread[] | null;
  error: string | null;
  loading: boolean;
}

/**
 * The left-sidebar panel listing Vista threads.
 *
 * It refreshes when shown, on its refresh button, and every
 * `refreshInterval` seconds while visible.
 */
export class VistaSidebar extends ReactWidget {
  constructor(options: VistaSidebar.IOptions) {
    super();
    this._client = options.client;
    this._trans = (options.translator ?? nullTranslator).load(
      TRANSLATION_DOMAIN
    );
    this._refreshInterval = options.refreshInterval ?? DEFAULT_REFRESH_INTERVAL;

    this.id = 'jp-vista-sidebar';
    this.addClass('jp-vista-sidebar');
    this.title.icon = vistaIcon;
    this.title.caption = this._trans.__('Vista');
    this.node.setAttribute('role', 'region');
    this.node.setAttribute('aria-label', this._trans.__('Vista analyses'));
  }

  /** Seconds between two polls while visible; 0 turns polling off. */
  get refreshInterval(): number {
    return this._refreshInterval;
  }
  set refreshInterval(value: number) {
    const seconds = Number.isFinite(value) && value > 0 ? value : 0;
    if (seconds === this._refreshInterval) {
      return;
    }
    this._refreshInterval = seconds;
    this._restartPolling();
  }

  /**
   * Re-read the thread list from the server.
   *
   * @returns a promise settled once the list (or the error) is shown.
   */
  async refresh(): Promise<void> {
    const request = ++this._requestCount;
    this._state = { ...this._state, loading: true };
    this.update();
    try {
      const threads = await this._client.listThreads();
      if (request === this._requestCount) {
        this._state = { threads, error: null, loading: false };
      }
    } catch (error) {
      if (request === this._requestCount) {
        this._state = {
          ...this._state,
          error: this._describeError(error),
          loading: false
        };
      }
    }
    if (request === this._requestCount && !this.isDisposed) {
      this.update();
    }
  }

  dispose(): void {
    this._stopPolling();
    super.dispose();
  }

  protected onAfterShow(msg: Message): void {
    super.onAfterShow(msg);
    void this.refresh();
    this._restartPolling();
  }

  protected onAfterHide(msg: Message): void {
    super.onAfterHide(msg);
    this._stopPolling();
  }

  protected render(): JSX.Element {
    return (
      <ThreadListView
        state={this._state}
        trans={this._trans}
        onRefresh={() => void this.refresh()}
      />
    );
  }

  private _describeError(error: unknown): string {
    if (error instanceof VistaAPIError) {
      return error.message;
    }
    if (error instanceof Error && error.message) {
      return error.message;
    }
    return this._trans.__('The Vista server could not be reached.');
  }

  private _restartPolling(): void {
    this._stopPolling();
    if (this._refreshInterval > 0 && this.isVisible) {
      this._timer = window.setInterval(
        () => void this.refresh(),
        this._refreshInterval * 1000
      );
    }
  }

  private _stopPolling(): void {
    if (this._timer !== null) {
      window.clearInterval(this._timer);
      this._timer = null;
    }
  }

  private _client: VistaClient;
  private _trans: TranslationBundle;
  private _refreshInterval: number;
  private _timer: number | null = null;
  private _requestCount = 0;
  private _state: IThreadListState = {
    threads: null,
    error: null,
    loading: false
  };
}

export namespace VistaSidebar {
  export interface IOptions {
    /** The API client. */
    client: VistaClient;
    /** The application translator. */
    translator?: ITranslator;
    /** Seconds between polls while visible; 0 means never. */
    refreshInterval?: number;
  }
}

interface IThreadListViewProps {
  state: IThreadListState;
  trans: TranslationBundle;
  onRefresh: () => void;
}

/** The sidebar's content: header, error, and the list or its empty state. */
function ThreadListView(props: IThreadListViewProps): JSX.Element {
  const { state, trans, onRefresh } = props;
  const { threads, error, loading } = state;

  return (
    <div className="jp-vista-panel">
      <header className="jp-vista-header">
        <h2 className="jp-vista-title">{trans.__('Vista')}</h2>
        <ToolbarButtonComponent
          className="jp-vista-refresh"
          icon={refreshIcon}
          tooltip={trans.__('Refresh the list of analyses')}
          enabled={!loading}
          onClick={onRefresh}
        />
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
        <p className="jp-vista-empty">
          {trans.__(
            'No analyses yet. Start one to ask questions about your data in plain language.'
          )}
        </p>
      ) : (
        <ul className="jp-vista-thread-list" aria-label={trans.__('Analyses')}>
          {threads.map(thread => (
            <ThreadItem key={thread.id} thread={thread} trans={trans} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** One row of the thread list. */
function ThreadItem(props: {
  thread: IThread;
  trans: TranslationBundle;
}): JSX.Element {
  const { thread, trans } = props;
  // _n puts the count itself in %1.
  const count = trans._n('%1 message', '%1 messages', thread.message_count);
  const updated = Time.formatHuman(thread.updated_at);
  const updatedFull = Time.format(thread.updated_at);

  return (
    <li
      className="jp-vista-thread-item"
      data-thread-id={thread.id}
      title={trans.__('%1, updated %2', thread.name, updatedFull)}
    >
      <span className="jp-vista-thread-name">{thread.name}</span>
      <span className="jp-vista-thread-meta">
        <time dateTime={thread.updated_at}>{updated}</time>
        <span aria-hidden="true"> · </span>
        <span className="jp-vista-thread-count">{count}</span>
      </span>
    </li>
  );
}
