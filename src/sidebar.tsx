/**
 * The Vista left-sidebar panel: the list of analyses, starting a new one,
 * and the chat of the open one.
 */
import { Dialog, Notification, ReactWidget, showDialog } from '@jupyterlab/apputils';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import {
  nullTranslator,
  ITranslator,
  TranslationBundle
} from '@jupyterlab/translation';
import { Message } from '@lumino/messaging';
import { ISignal, Signal } from '@lumino/signaling';
import * as React from 'react';

import {
  DatasetSource,
  IExample,
  IModelList,
  IThread,
  UploadCancelledError,
  VistaClient,
  VistaLanguage
} from './api';
import { ThreadView } from './chat';
import { saveBlob } from './datasetcard';
import { vistaIcon } from './icons';
import { IStartState, NewAnalysisView } from './newanalysis';
import { INotebookBridge } from './notebook';
import { describeError, ThreadSession } from './session';
import { IThreadListState, ThreadListView } from './threadlist';

/** The translation domain of every Vista string. */
export const TRANSLATION_DOMAIN = 'vista_jupyter';

/** Default seconds between two polls of the thread list. */
export const DEFAULT_REFRESH_INTERVAL = 30;

/** The user settings the sidebar follows (schema/plugin.json). */
export interface IVistaSettings {
  /** Model id to preselect; '' = the server's default. */
  model: string;
  /** Open new analyses on their automatic overview, following it live. */
  autoOverview: boolean;
  /** 'auto' follows JupyterLab's language. */
  language: 'auto' | 'en' | 'ko';
}

export const DEFAULT_SETTINGS: IVistaSettings = {
  model: '',
  autoOverview: true,
  language: 'auto'
};

type View =
  | { kind: 'list' }
  | { kind: 'new' }
  | { kind: 'thread'; session: ThreadSession; focusDatasets: boolean };

/**
 * The left-sidebar panel of Vista.
 *
 * The list refreshes when shown, on its refresh button, and every
 * `refreshInterval` seconds while visible.
 */
export class VistaSidebar extends ReactWidget {
  constructor(options: VistaSidebar.IOptions) {
    super();
    this._client = options.client;
    this._translator = options.translator ?? nullTranslator;
    this._trans = this._translator.load(TRANSLATION_DOMAIN);
    this._rendermime = options.rendermime;
    this._bridge = options.bridge;
    this._refreshInterval = options.refreshInterval ?? DEFAULT_REFRESH_INTERVAL;

    this.id = 'jp-vista-sidebar';
    this.addClass('jp-vista-sidebar');
    this.title.icon = vistaIcon;
    this.title.caption = this._trans.__('Vista');
    this.node.setAttribute('role', 'region');
    this.node.setAttribute('aria-label', this._trans.__('Vista analyses'));
  }

  /** Emitted when the open thread changes (commands update their state). */
  get currentChanged(): ISignal<this, void> {
    return this._currentChanged;
  }

  /** The thread open in the chat, if any. */
  get currentThread(): IThread | null {
    return this._view.kind === 'thread' ? this._view.session.thread : null;
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

  /** The user settings. */
  get settings(): IVistaSettings {
    return this._settings;
  }
  set settings(value: IVistaSettings) {
    this._settings = { ...value };
    this.update();
  }

  /** The language of overviews and example descriptions. */
  get language(): VistaLanguage {
    if (this._settings.language === 'en' || this._settings.language === 'ko') {
      return this._settings.language;
    }
    const code = (this._translator.languageCode ?? 'en').toLowerCase();
    return code.startsWith('ko') ? 'ko' : 'en';
  }

  /**
   * Re-read the thread list from the server.
   *
   * @returns a promise settled once the list (or the error) is shown.
   */
  async refresh(): Promise<void> {
    const request = ++this._requestCount;
    this._list = { ...this._list, loading: true };
    this.update();
    try {
      const threads = await this._client.listThreads();
      if (request === this._requestCount) {
        this._list = { threads, error: null, loading: false };
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
    if (request === this._requestCount && !this.isDisposed) {
      this.update();
    }
  }

  /** Show the list of analyses. */
  showList(): void {
    this._setView({ kind: 'list' });
    void this.refresh();
  }

  /** Show the "new analysis" page. */
  showNew(): void {
    this._startError = null;
    this._setView({ kind: 'new' });
    void this._loadExamples();
  }

  /**
   * Open a thread's chat.
   *
   * @param thread - the thread (or its id).
   * @param fresh - true for a thread just created from a dataset.
   */
  async openThread(thread: IThread | string, fresh = false): Promise<void> {
    let value: IThread;
    if (typeof thread === 'string') {
      try {
        value = await this._client.getThread(thread);
      } catch (error) {
        this._notify(describeError(error), 'error');
        return;
      }
    } else {
      value = thread;
    }
    const session = new ThreadSession(this._client, value);
    session.turnEnded.connect(() => void this.refresh());
    this._setView({
      kind: 'thread',
      session,
      focusDatasets: fresh && !this._settings.autoOverview
    });
    void this._loadModels();
    void session.start();
  }

  /**
   * Start an analysis from a dataset source and open it.
   *
   * @param source - an upload, example or workspace path.
   * @param label - what to call it while it is read.
   * @returns the new thread, or null when it failed (the error is shown).
   */
  async startFrom(source: DatasetSource, label: string): Promise<IThread | null> {
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
      void this.refresh();
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
        error instanceof UploadCancelledError
          ? null
          : describeError(error);
      this.update();
    }
  }

  /** Save the open thread as a notebook next to the workspace root and open it. */
  async exportCurrent(): Promise<void> {
    const thread = this.currentThread;
    if (!thread) {
      return;
    }
    try {
      const saved = await this._client.saveNotebook(
        thread.id,
        `${safeFileName(thread.name)}.ipynb`,
        'rename'
      );
      await this._bridge.open(saved.path);
      this._notify(this._trans.__('Saved as %1', saved.path), 'success');
    } catch (error) {
      this._notify(describeError(error), 'error');
    }
  }

  /** Download the open thread as a zip (notebook and data). */
  async downloadCurrent(): Promise<void> {
    const thread = this.currentThread;
    if (!thread) {
      return;
    }
    try {
      const file = await this._client.downloadNotebookBundle(
        thread.id,
        `${safeFileName(thread.name)}.zip`
      );
      saveBlob(file.blob, file.filename);
    } catch (error) {
      this._notify(describeError(error), 'error');
    }
  }

  dispose(): void {
    this._stopPolling();
    if (this._view.kind === 'thread') {
      this._view.session.dispose();
    }
    super.dispose();
  }

  protected onAfterShow(msg: Message): void {
    super.onAfterShow(msg);
    void this.refresh();
    void this._loadModels();
    this._restartPolling();
  }

  protected onAfterHide(msg: Message): void {
    super.onAfterHide(msg);
    this._stopPolling();
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
          onExample={example => void this._startExample(example)}
        />
      );
    }
    if (view.kind === 'thread') {
      return (
        <ThreadView
          key={view.session.thread.id}
          session={view.session}
          rendermime={this._rendermime}
          bridge={this._bridge}
          trans={trans}
          models={this._models}
          preferredModel={this._settings.model}
          focusDatasets={view.focusDatasets}
          onBack={() => this.showList()}
          onExport={() => void this.exportCurrent()}
          onDownload={() => void this.downloadCurrent()}
          notify={(message, kind) => this._notify(message, kind)}
        />
      );
    }
    return (
      <ThreadListView
        state={this._list}
        trans={trans}
        onRefresh={() => void this.refresh()}
        onOpen={thread => void this.openThread(thread)}
        onNew={() => this.showNew()}
        onRename={(thread, name) => this._rename(thread, name)}
        onDelete={thread => void this._delete(thread)}
        onDropFile={file => void this.uploadAndStart(file)}
      />
    );
  }

  private async _startExample(example: IExample): Promise<void> {
    await this.startFrom({ example: example.id }, example.title);
  }

  private async _rename(thread: IThread, name: string): Promise<void> {
    const renamed = await this._client.renameThread(thread.id, name);
    if (this._list.threads) {
      this._list = {
        ...this._list,
        threads: this._list.threads.map(t => (t.id === renamed.id ? renamed : t))
      };
      this.update();
    }
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
      ]
    });
    if (!result.button.accept) {
      return;
    }
    try {
      await this._client.deleteThread(thread.id);
      if (this.currentThread?.id === thread.id) {
        this.showList();
      }
    } catch (error) {
      this._notify(describeError(error), 'error');
    }
    await this.refresh();
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

  private async _loadModels(): Promise<void> {
    try {
      this._models = await this._client.models();
      this.update();
    } catch (error) {
      console.warn('Vista: could not read the models.', error);
    }
  }

  private _setView(view: View): void {
    if (this._view.kind === 'thread' && this._view !== view) {
      this._view.session.dispose();
    }
    this._view = view;
    this._currentChanged.emit();
    this.update();
  }

  private _notify(
    message: string,
    kind: 'success' | 'error' | 'info' = 'info'
  ): void {
    Notification.emit(message, kind, { autoClose: kind === 'error' ? 8000 : 3000 });
  }

  private _restartPolling(): void {
    this._stopPolling();
    if (this._refreshInterval > 0 && this.isVisible) {
      this._timer = window.setInterval(() => {
        if (this._view.kind === 'list') {
          void this.refresh();
        }
      }, this._refreshInterval * 1000);
    }
  }

  private _stopPolling(): void {
    if (this._timer !== null) {
      window.clearInterval(this._timer);
      this._timer = null;
    }
  }

  private _client: VistaClient;
  private _translator: ITranslator;
  private _trans: TranslationBundle;
  private _rendermime: IRenderMimeRegistry;
  private _bridge: INotebookBridge;
  private _refreshInterval: number;
  private _settings: IVistaSettings = { ...DEFAULT_SETTINGS };
  private _timer: number | null = null;
  private _requestCount = 0;
  private _view: View = { kind: 'list' };
  private _list: IThreadListState = {
    threads: null,
    error: null,
    loading: false
  };
  private _examples: IExample[] | null = null;
  private _models: IModelList | null = null;
  private _starting: IStartState | null = null;
  private _startError: string | null = null;
  private _currentChanged = new Signal<this, void>(this);
}

export namespace VistaSidebar {
  export interface IOptions {
    /** The API client. */
    client: VistaClient;
    /** The application's renderers (outputs are rendered untrusted). */
    rendermime: IRenderMimeRegistry;
    /** Notebook insertion and file opening. */
    bridge: INotebookBridge;
    /** The application translator. */
    translator?: ITranslator;
    /** Seconds between polls while visible; 0 means never. */
    refreshInterval?: number;
  }
}

/** A thread name as a file name (no folders, no reserved characters). */
function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
    .replace(/^[.\s-]+|[.\s]+$/g, '')
    .slice(0, 120);
  return cleaned || 'Vista analysis';
}
