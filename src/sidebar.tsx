/**
 * The Vista left-sidebar panel: the list of analyses, starting a new one,
 * and (when the settings say so, or for a quick question) the chat of one.
 * Analyses open in a tab of the main area by default (analysis.tsx).
 */
import { Dialog, ReactWidget, showDialog } from '@jupyterlab/apputils';
import { IStateDB } from '@jupyterlab/statedb';
import { TranslationBundle } from '@jupyterlab/translation';
import { Message } from '@lumino/messaging';
import { ISignal, Signal } from '@lumino/signaling';
import * as React from 'react';

import {
  DatasetSource,
  IEventStream,
  IExample,
  IThread,
  UploadCancelledError,
  VistaClient,
  VistaLanguage
} from './api';
import { ThreadView } from './chat';
import { VistaContext } from './context';
import { vistaIcon } from './icons';
import {
  afterFirstPage,
  afterNextPage,
  applyChange,
  ThreadChange
} from './listorder';
import { IStartState, NewAnalysisView } from './newanalysis';
import { describeError, ThreadSession } from './session';
import { IThreadListState, ThreadListView } from './threadlist';

export {
  DEFAULT_SETTINGS,
  IVistaSettings,
  TRANSLATION_DOMAIN
} from './context';

/** Threads read per page of the list (more are read as it is scrolled). */
export const THREAD_PAGE = 50;

/** Where the sidebar keeps the thread it shows across reloads (IStateDB). */
const STATE_KEY = 'vista-jupyter:sidebar';

type View =
  | { kind: 'list' }
  | { kind: 'new' }
  | { kind: 'thread'; session: ThreadSession; focusDatasets: boolean };

/**
 * The left-sidebar panel of Vista.
 *
 * The list of analyses is read a page at a time (more as it is scrolled) and
 * kept current by the server's change feed while it is on screen: a thread
 * created, renamed, answered or deleted in any tab, browser or server shows
 * at once, and nothing is read again that did not change. (Polling would
 * re-read the whole first page for every open list every few seconds and
 * still show another tab's answer late; refreshing only after this tab's
 * own actions would never show another tab's.) The feed is one idle
 * connection, open only while the list is visible; the first page is read
 * again whenever it (re)connects, so a change made while it was closed is
 * not missed.
 */
export class VistaSidebar extends ReactWidget {
  constructor(options: VistaSidebar.IOptions) {
    super();
    this._context = options.context;
    this._client = options.context.client;
    this._trans = options.context.trans;
    this._openInMain = options.openInMain;
    this._state = options.state ?? null;
    this._pickWorkspaceFile = options.pickWorkspaceFile ?? null;

    this.id = 'jp-vista-sidebar';
    this.addClass('jp-vista-sidebar');
    this.title.icon = vistaIcon;
    this.title.caption = this._trans.__('Vista');
    this.node.setAttribute('role', 'region');
    this.node.setAttribute('aria-label', this._trans.__('Vista analyses'));
    this._context.changed.connect(() => this.update(), this);
  }

  /** Emitted when the open thread changes (commands update their state). */
  get currentChanged(): ISignal<this, void> {
    return this._currentChanged;
  }

  /** The thread open in the chat, if any. */
  get currentThread(): IThread | null {
    return this._view.kind === 'thread' ? this._view.session.thread : null;
  }

  /** The language of overviews and example descriptions. */
  get language(): VistaLanguage {
    return this._context.language;
  }

  /** Show the thread the sidebar showed before the page was reloaded. */
  async restore(): Promise<void> {
    const saved = (await this._state?.fetch(STATE_KEY)) as
      { thread?: string } | undefined;
    if (saved?.thread && this._view.kind === 'list') {
      await this.openThread(saved.thread, false, 'sidebar');
    }
  }

  /**
   * Read the first page of the thread list again. Threads of later pages
   * already shown stay (those that moved up come with the first page).
   *
   * @returns a promise settled once the list (or the error) is shown.
   */
  async refresh(): Promise<void> {
    const request = ++this._requestCount;
    // Changes reported from now on are applied again on top of the page: it
    // may have been read before they were made.
    const since = this._beginRead();
    this._list = { ...this._list, loading: true };
    this.update();
    try {
      const page = await this._client.listThreadsPage({ limit: THREAD_PAGE });
      if (request === this._requestCount) {
        const { threads, cursor } = afterFirstPage(
          this._list.threads,
          this._cursor,
          page,
          this._changeLog.slice(since)
        );
        this._cursor = cursor;
        this._list = {
          threads,
          error: null,
          loading: false,
          more: cursor !== null,
          loadingMore: false
        };
      }
    } catch (error) {
      if (request === this._requestCount) {
        this._list = {
          ...this._list,
          error: describeError(error),
          loading: false
        };
      }
    }
    this._endRead();
    if (request === this._requestCount && !this.isDisposed) {
      this.update();
    }
  }

  /** Read the next page of the thread list (the list was scrolled down). */
  async loadMore(): Promise<void> {
    const cursor = this._cursor;
    if (
      cursor === null ||
      this._list.loadingMore ||
      this._list.threads === null
    ) {
      return;
    }
    const request = this._requestCount;
    const since = this._beginRead();
    this._list = { ...this._list, loadingMore: true };
    this.update();
    try {
      const page = await this._client.listThreadsPage({
        cursor,
        limit: THREAD_PAGE
      });
      if (request === this._requestCount && this._cursor === cursor) {
        this._cursor = page.next_cursor;
        this._list = {
          ...this._list,
          threads: afterNextPage(
            this._list.threads ?? [],
            page,
            this._changeLog.slice(since)
          ),
          more: page.next_cursor !== null,
          loadingMore: false,
          error: null
        };
      } else {
        this._list = { ...this._list, loadingMore: false };
      }
    } catch (error) {
      this._list = {
        ...this._list,
        loadingMore: false,
        error: describeError(error)
      };
    }
    this._endRead();
    if (!this.isDisposed) {
      this.update();
    }
  }

  /** Show the list of analyses. */
  showList(): void {
    this._setView({ kind: 'list' });
  }

  /** Show the "new analysis" page. */
  showNew(): void {
    this._startError = null;
    this._setView({ kind: 'new' });
    void this._loadExamples();
  }

  /**
   * Open a thread: in a tab of the main area, or here (the settings say
   * which unless `where` does).
   *
   * @param thread - the thread (or its id).
   * @param fresh - true for a thread just created from a dataset.
   * @param where - force the sidebar or the main area.
   */
  async openThread(
    thread: IThread | string,
    fresh = false,
    where?: 'main' | 'sidebar'
  ): Promise<void> {
    if ((where ?? this._context.settings.openIn) === 'main') {
      if (this._view.kind !== 'list') {
        this.showList();
      }
      this._openInMain(thread, fresh);
      return;
    }
    let value: IThread;
    if (typeof thread === 'string') {
      try {
        value = await this._client.getThread(thread);
      } catch (error) {
        // A thread deleted meanwhile: back to the list, quietly after a reload.
        void this._state?.remove(STATE_KEY);
        if (where !== 'sidebar') {
          this._context.notify(describeError(error), 'error');
        }
        return;
      }
    } else {
      value = thread;
    }
    const session = new ThreadSession(this._client, value);
    this._setView({
      kind: 'thread',
      session,
      focusDatasets: fresh && !this._context.settings.autoOverview
    });
    void this._context.loadModels();
    void session.start();
  }

  /**
   * Start an analysis from a dataset source and open it.
   *
   * @param source - an upload, example or workspace path.
   * @param label - what to call it while it is read.
   * @returns the new thread, or null when it failed (the error is shown).
   */
  async startFrom(
    source: DatasetSource,
    label: string
  ): Promise<IThread | null> {
    // The new-analysis page says "Reading …" (a large file takes a while)
    // and shows why it failed, whichever way the analysis was started.
    if (this._view.kind !== 'new') {
      this.showNew();
    }
    // The server reads under an id of ours: its progress is polled and Cancel stops it.
    const reading = `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
    let cancelled = false;
    this._starting = {
      label,
      progress: null,
      reading: null,
      cancel: () => {
        cancelled = true;
        void this._client.cancelReading(reading).catch(() => undefined);
      }
    };
    this._startError = null;
    this.update();
    const poll = window.setInterval(() => {
      void this._client
        .getReading(reading)
        .then(r => {
          if (this._starting && !this._starting.progress) {
            this._starting = {
              ...this._starting,
              reading: {
                phase: r.phase,
                loaded: r.bytes_done,
                total: r.bytes_total,
                elapsed: r.elapsed
              }
            };
            this.update();
          }
        })
        .catch(() => undefined);
    }, 500);
    try {
      const thread = await this._client.createThreadFromDataset(
        source,
        this.language,
        reading
      );
      this._starting = null;
      await this.openThread(thread, true);
      return thread;
    } catch (error) {
      this._starting = null;
      this._startError = cancelled ? null : describeError(error);
      this.update();
      return null;
    } finally {
      window.clearInterval(poll);
    }
  }

  /**
   * Upload a file (with progress and Cancel), then start an analysis of it.
   *
   * @param file - the chosen or dropped file.
   */
  async uploadAndStart(file: File): Promise<void> {
    if (this._starting) {
      return;
    }
    if (this._view.kind !== 'new') {
      this.showNew();
    }
    this._startError = null;
    const handle = this._client.upload(file, file.name, (loaded, total) => {
      if (this._starting && this._starting.progress) {
        this._starting = { ...this._starting, progress: { loaded, total } };
        this.update();
      }
    });
    this._starting = {
      label: file.name,
      progress: { loaded: 0, total: file.size },
      cancel: () => handle.cancel()
    };
    this.update();
    try {
      const upload = await handle.done;
      await this.startFrom({ upload: upload.id }, file.name);
    } catch (error) {
      this._starting = null;
      this._startError =
        error instanceof UploadCancelledError ? null : describeError(error);
      this.update();
    }
  }

  /** Save the thread open here as a notebook in the workspace and open it. */
  async exportCurrent(): Promise<void> {
    if (this.currentThread) {
      await this._context.exportThread(this.currentThread);
    }
  }

  /** Download the thread open here as a zip (notebook and data). */
  async downloadCurrent(): Promise<void> {
    if (this.currentThread) {
      await this._context.downloadThread(this.currentThread);
    }
  }

  dispose(): void {
    this._feed?.dispose();
    this._feed = null;
    if (this._view.kind === 'thread') {
      this._view.session.dispose();
    }
    super.dispose();
  }

  protected onAfterShow(msg: Message): void {
    super.onAfterShow(msg);
    void this._context.loadModels();
    this._syncFeed();
  }

  protected onAfterHide(msg: Message): void {
    super.onAfterHide(msg);
    this._syncFeed();
  }

  protected render(): JSX.Element {
    const trans = this._trans;
    const view = this._view;
    if (view.kind === 'new') {
      return (
        <NewAnalysisView
          trans={trans}
          examples={this._examples}
          korean={this.language === 'ko'}
          starting={this._starting}
          error={this._startError}
          onBack={() => this.showList()}
          onFile={file => void this.uploadAndStart(file)}
          onWorkspaceFile={
            this._pickWorkspaceFile
              ? () => void this._startFromWorkspace()
              : null
          }
          onExample={example => void this._startExample(example)}
        />
      );
    }
    if (view.kind === 'thread') {
      return (
        <ThreadView
          key={view.session.thread.id}
          session={view.session}
          context={this._context}
          focusDatasets={view.focusDatasets}
          onBack={() => this.showList()}
          onOpenInMain={() => {
            const thread = view.session.thread;
            this.showList();
            this._openInMain(thread, false);
          }}
        />
      );
    }
    return (
      <ThreadListView
        state={this._list}
        trans={trans}
        onRefresh={() => void this.refresh()}
        onOpen={thread => void this.openThread(thread)}
        openIn={this._context.settings.openIn}
        onOpenElsewhere={thread =>
          void this.openThread(
            thread,
            false,
            this._context.settings.openIn === 'main' ? 'sidebar' : 'main'
          )
        }
        onNew={() => this.showNew()}
        onRename={(thread, name) => this._rename(thread, name)}
        onDelete={thread => void this._delete(thread)}
        onDropFile={file => void this.uploadAndStart(file)}
        onLoadMore={() => void this.loadMore()}
      />
    );
  }

  /** Start an analysis of a data file already in the workspace. */
  private async _startFromWorkspace(): Promise<void> {
    const path = await this._pickWorkspaceFile?.();
    if (path) {
      await this.startFrom({ path }, path.split('/').pop() ?? path);
    }
  }

  private async _startExample(example: IExample): Promise<void> {
    await this.startFrom({ example: example.id }, example.title);
  }

  private async _rename(thread: IThread, name: string): Promise<void> {
    const renamed = await this._client.renameThread(thread.id, name);
    this._context.renamed(renamed);
    if (
      this._view.kind === 'thread' &&
      this._view.session.thread.id === renamed.id
    ) {
      this._view.session.setThread({
        ...this._view.session.thread,
        name: renamed.name
      });
    }
    this._change({ thread: renamed });
  }

  private async _delete(thread: IThread): Promise<void> {
    const trans = this._trans;
    const result = await showDialog({
      title: trans.__('Delete analysis?'),
      body: trans.__(
        'Delete “%1” with its questions, answers, datasets and figures? This cannot be undone.',
        thread.name
      ),
      buttons: [
        Dialog.cancelButton({ label: trans.__('Cancel') }),
        Dialog.warnButton({ label: trans.__('Delete') })
      ],
      // Enter must not delete irreversibly: Cancel has the focus.
      defaultButton: 0
    });
    if (!result.button.accept) {
      return;
    }
    try {
      await this._client.deleteThread(thread.id);
      if (this.currentThread?.id === thread.id) {
        this.showList();
      }
      this._context.deleted(thread.id);
      this._change({ deleted: thread.id });
    } catch (error) {
      this._context.notify(describeError(error), 'error');
    }
  }

  private async _loadExamples(): Promise<void> {
    if (this._examples !== null) {
      return;
    }
    try {
      this._examples = await this._client.examples();
    } catch (error) {
      this._examples = [];
      this._startError = describeError(error);
    }
    this.update();
  }

  private _setView(view: View): void {
    if (this._view.kind === 'thread' && this._view !== view) {
      this._view.session.dispose();
    }
    this._view = view;
    // A reload shows the thread this sidebar showed, as it shows the tabs.
    if (view.kind === 'thread') {
      void this._state?.save(STATE_KEY, { thread: view.session.thread.id });
    } else {
      void this._state?.remove(STATE_KEY);
    }
    this._currentChanged.emit();
    this._syncFeed();
    this.update();
  }

  /** Follow the change feed exactly while the list is on screen. */
  private _syncFeed(): void {
    const wanted =
      this.isVisible && !this.isDisposed && this._view.kind === 'list';
    if (wanted && this._feed === null) {
      void this.refresh();
      this._feed = this._client.followChanges({
        onThread: thread => this._change({ thread }),
        onDeleted: id => this._change({ deleted: id }),
        onConnection: connected => {
          // Subscribed (again): what changed before is in the first page.
          if (connected) {
            void this.refresh();
          }
        }
      });
    } else if (!wanted && this._feed !== null) {
      this._feed.dispose();
      this._feed = null;
    }
  }

  /** A page read begins: changes reported from now on are kept for it. */
  private _beginRead(): number {
    this._readsInFlight++;
    return this._changeLog.length;
  }

  /** A page read has ended (and applied the changes kept for it). */
  private _endRead(): void {
    this._readsInFlight--;
    if (this._readsInFlight === 0) {
      this._changeLog = [];
    }
  }

  /** A thread created, changed or deleted, as the change feed reports it. */
  private _change(change: ThreadChange): void {
    if (this._readsInFlight > 0) {
      this._changeLog.push(change);
    }
    const threads = this._list.threads;
    if (threads === null) {
      return; // the first page is being read: it comes with it
    }
    const next = applyChange(threads, change, this._cursor !== null);
    if (next !== threads) {
      this._list = { ...this._list, threads: next };
      this.update();
    }
  }

  private _context: VistaContext;
  private _client: VistaClient;
  private _trans: TranslationBundle;
  private _openInMain: (thread: IThread | string, fresh: boolean) => void;
  private _state: IStateDB | null;
  private _pickWorkspaceFile: (() => Promise<string | null>) | null;
  private _feed: IEventStream | null = null;
  /** Changes reported while a page was being read (kept until none is). */
  private _changeLog: ThreadChange[] = [];
  private _readsInFlight = 0;
  private _cursor: string | null = null;
  private _requestCount = 0;
  private _view: View = { kind: 'list' };
  private _list: IThreadListState = {
    threads: null,
    error: null,
    loading: false,
    more: false,
    loadingMore: false
  };
  private _examples: IExample[] | null = null;
  private _starting: IStartState | null = null;
  private _startError: string | null = null;
  private _currentChanged = new Signal<this, void>(this);
}

export namespace VistaSidebar {
  export interface IOptions {
    /** What every Vista view shares. */
    context: VistaContext;
    /** Open a thread in a tab of the main area. */
    openInMain: (thread: IThread | string, fresh: boolean) => void;
    /** Let the user pick a data file of the workspace (JupyterLab's file dialog). */
    pickWorkspaceFile?: (() => Promise<string | null>) | null;
    /** Where the sidebar remembers the thread it shows across reloads. */
    state?: IStateDB | null;
  }
}
