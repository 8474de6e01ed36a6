/**
 * What every Vista view shares: the API client, renderers, notebook bridge,
 * translations, user settings, the models the server offers, and news of
 * threads renamed or deleted (so the sidebar and the analysis tabs agree).
 */
import { Notification } from '@jupyterlab/apputils';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import {
  ITranslator,
  nullTranslator,
  TranslationBundle
} from '@jupyterlab/translation';
import { ISignal, Signal } from '@lumino/signaling';

import { IModelList, IThread, VistaClient, VistaLanguage } from './api';
import { saveBlob } from './datasetcard';
import { INotebookBridge } from './notebook';
import { describeError } from './session';

/** The translation domain of every Vista string (the Python package's name). */
export const TRANSLATION_DOMAIN = 'vista_jupyter';

/** The user settings (schema/plugin.json). */
export interface IVistaSettings {
  /** Model id to preselect; '' = the server's default. */
  model: string;
  /** Open new analyses on their automatic overview, following it live. */
  autoOverview: boolean;
  /** 'auto' follows JupyterLab's language. */
  language: 'auto' | 'en' | 'ko';
  /** Where an analysis opens: a tab of the main area, or the sidebar. */
  openIn: 'main' | 'sidebar';
}

export const DEFAULT_SETTINGS: IVistaSettings = {
  model: '',
  autoOverview: true,
  language: 'auto',
  openIn: 'main'
};

/** Shared state and services of the Vista views. */
export class VistaContext {
  constructor(options: VistaContext.IOptions) {
    this.client = options.client;
    this.rendermime = options.rendermime;
    this.bridge = options.bridge;
    this.translator = options.translator ?? nullTranslator;
    this.trans = this.translator.load(TRANSLATION_DOMAIN);
  }

  readonly client: VistaClient;
  readonly rendermime: IRenderMimeRegistry;
  readonly bridge: INotebookBridge;
  readonly translator: ITranslator;
  readonly trans: TranslationBundle;

  /** Emitted when the settings or the model list change. */
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  /** Emitted with a thread after it was renamed. */
  get threadRenamed(): ISignal<this, IThread> {
    return this._threadRenamed;
  }

  /** Emitted with a thread's id after it was deleted. */
  get threadDeleted(): ISignal<this, string> {
    return this._threadDeleted;
  }

  get settings(): IVistaSettings {
    return this._settings;
  }
  set settings(value: IVistaSettings) {
    this._settings = { ...value };
    this._changed.emit();
  }

  /** The language of overviews and example descriptions. */
  get language(): VistaLanguage {
    const chosen = this._settings.language;
    if (chosen === 'en' || chosen === 'ko') {
      return chosen;
    }
    const code = (this.translator.languageCode ?? 'en').toLowerCase();
    return code.startsWith('ko') ? 'ko' : 'en';
  }

  /** The models the server offers (null until read). */
  get models(): IModelList | null {
    return this._models;
  }

  /** Read the models the server offers (again). */
  async loadModels(): Promise<IModelList | null> {
    try {
      this._models = await this.client.models();
      this._changed.emit();
    } catch (error) {
      console.warn('Vista: could not read the models.', error);
    }
    return this._models;
  }

  /** Tell the user something happened (a short notification). */
  notify(message: string, kind: 'success' | 'error' | 'info' = 'info'): void {
    Notification.emit(message, kind, {
      autoClose: kind === 'error' ? 8000 : 3000
    });
  }

  /** Note a rename, for every view showing the thread. */
  renamed(thread: IThread): void {
    this._threadRenamed.emit(thread);
  }

  /** Note a deletion, for every view showing the thread. */
  deleted(threadId: string): void {
    this._threadDeleted.emit(threadId);
  }

  /** Save a thread as a notebook in the workspace and open it. */
  async exportThread(thread: IThread): Promise<void> {
    try {
      const saved = await this.client.saveNotebook(
        thread.id,
        `${safeFileName(thread.name)}.ipynb`,
        'rename'
      );
      await this.bridge.open(saved.path);
      this.notify(this.trans.__('Saved as %1', saved.path), 'success');
    } catch (error) {
      this.notify(describeError(error), 'error');
    }
  }

  /** Download a thread as a zip (notebook and data). */
  async downloadThread(thread: IThread): Promise<void> {
    try {
      const file = await this.client.downloadNotebookBundle(
        thread.id,
        `${safeFileName(thread.name)}.zip`
      );
      saveBlob(file.blob, file.filename);
    } catch (error) {
      this.notify(describeError(error), 'error');
    }
  }

  private _settings: IVistaSettings = { ...DEFAULT_SETTINGS };
  private _models: IModelList | null = null;
  private _changed = new Signal<this, void>(this);
  private _threadRenamed = new Signal<this, IThread>(this);
  private _threadDeleted = new Signal<this, string>(this);
}

export namespace VistaContext {
  export interface IOptions {
    client: VistaClient;
    /** The application's renderers (outputs are rendered untrusted). */
    rendermime: IRenderMimeRegistry;
    /** Notebook insertion and file opening. */
    bridge: INotebookBridge;
    translator?: ITranslator;
  }
}

/** A thread name as a file name (no folders, no reserved characters). */
export function safeFileName(name: string): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex -- control characters are what it removes
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
    .replace(/^[.\s-]+|[.\s]+$/g, '')
    .slice(0, 120);
  return cleaned || 'Vista analysis';
}
