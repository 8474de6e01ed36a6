/**
 * The one typed client for the Vista REST API (`<baseUrl>vista/api/...`).
 *
 * Components never build URLs: they call `VistaClient` methods.
 */
import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';
import { createParser, EventSourceMessage } from 'eventsource-parser';

// Generated at build time from vista_jupyter/api/openapi.yaml (`jlpm build:api`),
// itself generated from the server's pydantic models: the types of the
// answers are the server's, never copied by hand.
import type { components } from './openapi';

type Schemas = components['schemas'];

/** The server's version and the identity it serves. */
export type IVistaInfo = Schemas['Info'];

/** A conversation (an analysis) as the server returns it. */
export type IThread = Schemas['Thread'];

export type MessageRole = IMessage['role'];

/** One message in a thread. */
export type IMessage = Schemas['Message'];

/** One page of a thread's messages, oldest first. */
export type IMessagePage = Schemas['MessagePage'];

/**
 * Paging options for `VistaClient.listMessages` and `listEvents`: give at
 * most one of `after`, `before` and `last` (none: from the start).
 */
export interface IListMessagesOptions {
  /** The page after this `seq` (exclusive). */
  after?: number;
  /** The page just before this `seq` (exclusive): for loading older items. */
  before?: number;
  /** The newest page (where a thread is opened). */
  last?: boolean;
  /** Page size: messages 1..500 (default 100), events 1..5000 (default 500). */
  limit?: number;
}

/** One page of a thread's events, oldest first (cursors as in `IMessagePage`). */
export type IEventPage = Omit<Schemas['EventPage'], 'events'> & {
  events: IVistaEvent[];
};

/** One page of the thread list, most recently active first. */
export type IThreadPage = Schemas['ThreadPage'];

/** Paging options for `VistaClient.listThreadsPage`. */
export interface IListThreadsOptions {
  /** A `next_cursor` from the previous page (none: the first page). */
  cursor?: string;
  /** Page size, 1..500 (server default 100). */
  limit?: number;
}

/**
 * Events a stream left out because the listener was too far behind: those
 * with `after < seq < before` (page them with `listEvents({ before })`).
 */
export type IEarlierEvents = Schemas['Earlier'];

/**
 * An error answered by the Vista server (non-2xx), carrying the HTTP status
 * and the server's JSON `message`.
 */
export class VistaAPIError extends Error {
  /**
   * @param status - HTTP status code.
   * @param message - the server's message, or the status text.
   * @param reason - the server's `reason`, if any.
   */
  constructor(
    readonly status: number,
    message: string,
    readonly reason: string | null = null
  ) {
    super(message);
    this.name = 'VistaAPIError';
  }
}

/**
 * Call the Vista REST API.
 *
 * @param endPoint - path below `vista/api/`, already URL-encoded.
 * @param init - fetch options (method, body, ...).
 * @param settings - server connection settings (defaults to `makeSettings()`).
 * @returns the decoded JSON body, or `undefined` for 204 No Content.
 * @throws {ServerConnection.NetworkError} when the server cannot be reached.
 * @throws {VistaAPIError} when the server answers with a non-2xx status.
 */
export async function requestAPI<T>(
  endPoint = '',
  init: RequestInit = {},
  settings: ServerConnection.ISettings = ServerConnection.makeSettings()
): Promise<T> {
  const url = URLExt.join(settings.baseUrl, 'vista', 'api', endPoint);
  const headers = new Headers(init.headers);
  if (init.body !== undefined && !headers.has('Content-Type')) {
    headers.set('Content-Type', 'application/json');
  }

  let response: Response;
  try {
    response = await ServerConnection.makeRequest(
      url,
      { ...init, headers },
      settings
    );
  } catch (error) {
    throw new ServerConnection.NetworkError(error as TypeError);
  }

  if (!response.ok) {
    throw await errorFromResponse(response);
  }
  if (response.status === 204) {
    return undefined as T;
  }
  return parseJSON(await response.text()) as T;
}

/** Decoded JSON text; undefined for an empty or non-JSON body. */
function parseJSON(text: string): any {
  try {
    return text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** A language the server writes overviews in. */
export type VistaLanguage = NonNullable<Schemas['ThreadCreate']['language']>;

/** An nbformat output as Vista stores it; figures carry an `artifact`. */
export interface IVistaOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  execution_count?: number | null;
  ename?: string;
  evalue?: string;
  traceback?: string[];
  /** A figure stored by the server: fetch it with `VistaClient.artifact`. */
  artifact?: { id: string; mime_type: string };
}

/** One step of an assistant answer (prose, code and its result). */
export interface IStep {
  step: number;
  text: string;
  code?: string | null;
  result?: {
    status: string;
    outputs: IVistaOutput[];
    error?: unknown;
    execution_count?: number | null;
  } | null;
}

/** `metadata` of an assistant message. */
export interface IAssistantMetadata {
  model?: string;
  steps?: IStep[];
  status?: string;
  turn_id?: string;
  usage?: Record<string, unknown>;
  /** Why the turn failed (status 'error'), for the user. */
  error?: string;
  /** Follow-up questions the answer suggests (shown as chips). */
  suggestions?: string[];
}

/**
 * One event of a thread. Its `data` depends on its `type` (the OpenAPI
 * `Event` schema describes each in prose; the reducer in `session.ts` reads it).
 */
export type IVistaEvent = Omit<Schemas['Event'], 'data'> & { data: any };

/** A running or finished turn. */
export type ITurn = Schemas['Turn'];

/** A bundled example dataset. */
export type IExample = Schemas['Example'];

/** A model the server offers. */
export type IModelInfo = Schemas['Model'];

/** Answer of `GET models`. */
export type IModelList = Schemas['Models'];

/** Progress of a dataset the server is reading (`GET readings/{id}`). */
export type IReading = Schemas['Reading'];

/** A stored upload, usable as `{"upload": id}`. */
export type IUpload = Schemas['Upload'];

/**
 * Where a new dataset comes from: exactly one key (narrower than the
 * generated `DatasetSource`, whose rule "exactly one" is a validator).
 */
export type DatasetSource =
  { upload: string } | { example: string } | { path: string };

/** A dataset of a thread. */
export type IDataset = Schemas['Dataset'];

/** One column of a dataset profile. */
export type IColumnProfile = Schemas['ColumnProfile'];

/** A dataset with its profile: what the dataset card shows. */
export type IDatasetDetail = Schemas['DatasetDetail'];

/** Answer of saving a thread as a notebook. */
export type INotebookSaved = Schemas['NotebookSaved'];

/** The set-up cell for code of a thread inserted into a notebook. */
export type INotebookSetup = Schemas['NotebookCell'];

/** A downloaded file. */
export interface IDownload {
  blob: Blob;
  /** The server's file name (Content-Disposition), or a fallback. */
  filename: string;
}

/** Progress and cancellation of an upload. */
export interface IUploadHandle {
  /** Settles with the stored upload; rejects on error or cancel. */
  done: Promise<IUpload>;
  /** Abort the transfer; `done` rejects with an `UploadCancelledError`. */
  cancel(): void;
}

/** Thrown by an upload that was cancelled. */
export class UploadCancelledError extends Error {
  constructor() {
    super('Upload cancelled');
    this.name = 'UploadCancelledError';
  }
}

/** How a stream of events is followed. */
export interface IEventStreamOptions {
  /** Start after this event seq (exclusive). */
  after: number;
  /** Called for each event, in order. */
  onEvent: (event: IVistaEvent) => void;
  /** Called with `true` once connected (replay sent) and `false` when the connection drops. */
  onConnection?: (connected: boolean) => void;
  /** Called when the stream cannot continue (e.g. the thread was deleted). */
  onFatal?: (error: VistaAPIError) => void;
  /**
   * Called when the server skipped events because the listener was too far
   * behind (the newest ones follow).
   */
  onEarlier?: (earlier: IEarlierEvents) => void;
}

/** How the changes of the caller's threads are followed. */
export interface IChangeStreamOptions {
  /** A thread was created or changed: as it is listed now. */
  onThread: (thread: IThread) => void;
  /** A thread was deleted. */
  onDeleted: (id: string) => void;
  /**
   * `true` once the server listens (read the list then) and `false` when
   * the connection drops (it reconnects by itself).
   */
  onConnection?: (connected: boolean) => void;
  /** Called when the feed cannot continue. */
  onFatal?: (error: VistaAPIError) => void;
}

/** A followed event stream. */
export interface IEventStream {
  /** Stop following (no more callbacks). */
  dispose(): void;
}

/**
 * Typed service over the Vista REST API.
 */
export class VistaClient {
  /**
   * @param serverSettings - connection settings; defaults to `makeSettings()`.
   */
  constructor(serverSettings?: ServerConnection.ISettings) {
    this.serverSettings = serverSettings ?? ServerConnection.makeSettings();
  }

  /** The connection settings every request uses. */
  readonly serverSettings: ServerConnection.ISettings;

  /**
   * Read the server's version and owner.
   *
   * @returns the server info.
   * @throws {VistaAPIError} on a non-2xx answer.
   */
  info(): Promise<IVistaInfo> {
    return this._request<IVistaInfo>('info');
  }

  /**
   * Read one page of the threads, most recently updated first.
   *
   * @param options - `cursor` (from the previous page) and `limit` (1..500).
   * @returns the threads and the cursor of the next page.
   * @throws {VistaAPIError} 400 for a bad cursor or limit.
   */
  listThreadsPage(options: IListThreadsOptions = {}): Promise<IThreadPage> {
    const query: Record<string, string> = {};
    if (options.cursor !== undefined) {
      query.cursor = options.cursor;
    }
    if (options.limit !== undefined) {
      query.limit = String(options.limit);
    }
    return this._request<IThreadPage>(
      'threads' + URLExt.objectToQueryString(query)
    );
  }

  /**
   * Create a thread.
   *
   * @param name - optional display name; the server picks one if omitted.
   * @returns the new thread.
   * @throws {VistaAPIError} on a non-2xx answer (e.g. 400 for a bad name).
   */
  createThread(name?: string): Promise<IThread> {
    const body = name === undefined ? {} : { name };
    return this._request<IThread>('threads', {
      method: 'POST',
      body: JSON.stringify(body)
    });
  }

  /**
   * Create a thread from a dataset; the server reads the file first and
   * creates nothing if it cannot.
   *
   * @param dataset - where the data comes from (upload, example or workspace path).
   * @param language - language of the automatic overview.
   * @returns the new thread (its `running_turn` is the overview, if any).
   * @throws {VistaAPIError} 400/404/413/415 with a message for the user.
   */
  createThreadFromDataset(
    dataset: DatasetSource,
    language: VistaLanguage = 'en',
    reading?: string
  ): Promise<IThread> {
    const search = reading ? URLExt.objectToQueryString({ reading }) : '';
    return this._request<IThread>('threads' + search, {
      method: 'POST',
      body: JSON.stringify({ dataset, language })
    });
  }

  /**
   * How far the server is in reading a dataset.
   *
   * @param reading - the id given to `createThreadFromDataset`.
   * @returns phase, bytes done of total, seconds elapsed.
   * @throws {VistaAPIError} 404 once the reading has finished (or never started).
   */
  getReading(reading: string): Promise<IReading> {
    return this._request<IReading>(
      URLExt.join('readings', encodeURIComponent(reading))
    );
  }

  /**
   * Cancel a dataset being read; its request then fails with 409 and nothing is kept.
   *
   * @param reading - the id given to `createThreadFromDataset`.
   * @throws {VistaAPIError} 404 when the reading has already finished.
   */
  async cancelReading(reading: string): Promise<void> {
    await this._request<void>(
      URLExt.join('readings', encodeURIComponent(reading)),
      { method: 'DELETE' }
    );
  }

  /**
   * Read one thread.
   *
   * @param id - the thread id.
   * @returns the thread.
   * @throws {VistaAPIError} 404 when the thread does not exist.
   */
  getThread(id: string): Promise<IThread> {
    return this._request<IThread>(threadPath(id));
  }

  /**
   * Rename a thread.
   *
   * @param id - the thread id.
   * @param name - the new name.
   * @returns the updated thread.
   * @throws {VistaAPIError} 400 for a bad name, 404 for an unknown thread.
   */
  renameThread(id: string, name: string): Promise<IThread> {
    return this._request<IThread>(threadPath(id), {
      method: 'PATCH',
      body: JSON.stringify({ name })
    });
  }

  /**
   * Delete a thread and its messages.
   *
   * @param id - the thread id.
   * @returns nothing once deleted.
   * @throws {VistaAPIError} 404 when the thread does not exist.
   */
  async deleteThread(id: string): Promise<void> {
    await this._request<void>(threadPath(id), { method: 'DELETE' });
  }

  /**
   * Read one page of a thread's messages, in `seq` order.
   *
   * @param id - the thread id.
   * @param options - `after`, `before` or `last`, and `limit` (1..500).
   * @returns the messages and the cursors of the pages around it.
   * @throws {VistaAPIError} 400 for bad paging values, 404 for an unknown thread.
   */
  listMessages(
    id: string,
    options: IListMessagesOptions = {}
  ): Promise<IMessagePage> {
    return this._request<IMessagePage>(
      URLExt.join(threadPath(id), 'messages') + pageQuery(options)
    );
  }

  /**
   * Read one page of a thread's events, in `seq` order (for example the ones
   * an event stream left out: `{ before: earlier.before }`).
   *
   * @param id - the thread id.
   * @param options - `after`, `before` or `last`, and `limit` (1..5000).
   * @returns the events and the cursors of the pages around it.
   * @throws {VistaAPIError} 400 for bad paging values, 404 for an unknown thread.
   */
  listEvents(
    id: string,
    options: IListMessagesOptions = {}
  ): Promise<IEventPage> {
    return this._request<IEventPage>(
      URLExt.join(threadPath(id), 'events') + pageQuery(options)
    );
  }

  /**
   * Ask a question; the answer runs on the server as a turn.
   *
   * @param id - the thread id.
   * @param content - the question.
   * @param model - a model id from `models()`, or undefined for the default.
   * @returns the running turn and the stored question.
   * @throws {VistaAPIError} 409 while another turn runs, 400 for a bad model.
   */
  ask(id: string, content: string, model?: string): Promise<Schemas['Asked']> {
    const body: Record<string, string> = { content };
    if (model) {
      body.model = model;
    }
    return this._request(URLExt.join(threadPath(id), 'messages'), {
      method: 'POST',
      body: JSON.stringify(body)
    });
  }

  /**
   * Stop the running turn of a thread.
   *
   * @param id - the thread id.
   * @returns whether a turn was running.
   * @throws {VistaAPIError} 404 for an unknown thread.
   */
  async cancel(id: string): Promise<boolean> {
    const data = await this._request<Schemas['Cancelled']>(
      URLExt.join(threadPath(id), 'cancel'),
      { method: 'POST', body: '{}' }
    );
    return data.cancelled;
  }

  /**
   * Follow a thread's events: replay after `options.after`, then live.
   *
   * Uses `fetch` through `ServerConnection.makeRequest` (so token and XSRF
   * authentication work, unlike `EventSource`) and reconnects after the last
   * seen seq when the connection drops.
   *
   * @param id - the thread id.
   * @param options - start point and callbacks.
   * @returns a handle to stop following.
   */
  followEvents(id: string, options: IEventStreamOptions): IEventStream {
    let after = options.after;
    const base = URLExt.join(threadPath(id), 'events', 'stream');
    return this._followSSE(
      () => base + URLExt.objectToQueryString({ after: String(after) }),
      message => {
        if (message.kind === 'earlier') {
          options.onEarlier?.(message.data as IEarlierEvents);
        } else if (
          typeof message.data?.seq === 'number' &&
          message.data.seq > after
        ) {
          after = message.data.seq;
          options.onEvent(message.data as IVistaEvent);
        }
      },
      options.onConnection,
      options.onFatal
    );
  }

  /**
   * Follow the changes of the caller's threads (created, renamed, asked,
   * answered, deleted), as they happen, on any tab or device.
   *
   * `onConnection(true)` comes once the server listens: read the first page
   * of threads then, so that no change between the two is lost (it also
   * comes again after a reconnection, when changes may have been missed).
   *
   * @param options - callbacks.
   * @returns a handle to stop following.
   */
  followChanges(options: IChangeStreamOptions): IEventStream {
    return this._followSSE(
      () => 'changes',
      message => {
        if (message.kind === 'thread') {
          options.onThread(message.data as IThread);
        } else if (message.kind === 'deleted') {
          options.onDeleted(String(message.data?.id ?? ''));
        }
      },
      options.onConnection,
      options.onFatal
    );
  }

  /**
   * Follow a server-sent-events endpoint, reconnecting (with a growing
   * delay) when the connection drops.
   *
   * Uses `fetch` through `ServerConnection.makeRequest` (so token and XSRF
   * authentication work, unlike `EventSource`).
   *
   * @param endPoint - the path below `vista/api/` to (re)connect to.
   * @param onMessage - called with each message (`kind` is its `event:`).
   * @param onConnection - `true` once connected, `false` when it drops.
   * @param onFatal - 403 or 404: the stream cannot continue.
   * @returns a handle to stop following.
   */
  private _followSSE(
    endPoint: () => string,
    onMessage: (message: { kind: string; data: any }) => void,
    onConnection?: (connected: boolean) => void,
    onFatal?: (error: VistaAPIError) => void
  ): IEventStream {
    const controller = new AbortController();
    let disposed = false;
    let delay = 500;
    const settings = this.serverSettings;

    const connectOnce = async (): Promise<void> => {
      const url = URLExt.join(settings.baseUrl, 'vista', 'api', endPoint());
      const response = await ServerConnection.makeRequest(
        url,
        {
          method: 'GET',
          headers: { Accept: 'text/event-stream' },
          cache: 'no-store',
          signal: controller.signal
        },
        settings
      );
      if (!response.ok) {
        throw await errorFromResponse(response);
      }
      if (!response.body) {
        throw new Error('This browser cannot read streamed responses.');
      }
      delay = 500;
      onConnection?.(true);
      // The stream's framing (fields, CR/LF/CRLF lines, multi-line data,
      // comments, a message split across chunks) is eventsource-parser's.
      const parser = createParser({
        onEvent: (message: EventSourceMessage) => {
          let data: any;
          try {
            data = JSON.parse(message.data);
          } catch {
            return;
          }
          if (!disposed) {
            onMessage({ kind: message.event ?? 'message', data });
          }
        }
      });
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (done || disposed) {
          break;
        }
        parser.feed(decoder.decode(value, { stream: true }));
      }
    };

    const loop = async (): Promise<void> => {
      while (!disposed) {
        try {
          await connectOnce();
        } catch (error) {
          if (disposed) {
            return;
          }
          if (
            error instanceof VistaAPIError &&
            (error.status === 404 || error.status === 403)
          ) {
            onConnection?.(false);
            onFatal?.(error);
            return;
          }
        }
        if (disposed) {
          return;
        }
        onConnection?.(false);
        await new Promise(resolve => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 10000);
      }
    };
    void loop();

    return {
      dispose: () => {
        disposed = true;
        controller.abort();
      }
    };
  }

  /**
   * The bundled example datasets.
   *
   * @returns the examples.
   * @throws {VistaAPIError} on a non-2xx answer.
   */
  async examples(): Promise<IExample[]> {
    const data = await this._request<Schemas['Examples']>('examples');
    return data.examples;
  }

  /**
   * The models this server offers, its default and whether it is offline.
   *
   * @returns the model list.
   * @throws {VistaAPIError} on a non-2xx answer.
   */
  models(): Promise<IModelList> {
    return this._request<IModelList>('models');
  }

  /**
   * Upload a file as the raw request body, reporting progress.
   *
   * XMLHttpRequest rather than fetch: only it reports upload progress. It
   * authenticates like `ServerConnection` (token header and XSRF cookie).
   *
   * @param file - the file (or blob) to send.
   * @param name - the file name the server keeps.
   * @param onProgress - called with (sent bytes, total bytes).
   * @returns a handle whose `done` settles with the stored upload.
   */
  upload(
    file: Blob,
    name: string,
    onProgress?: (loaded: number, total: number) => void
  ): IUploadHandle {
    const settings = this.serverSettings;
    const url =
      URLExt.join(settings.baseUrl, 'vista', 'api', 'uploads') +
      URLExt.objectToQueryString({ name });
    const xhr = new XMLHttpRequest();
    const done = new Promise<IUpload>((resolve, reject) => {
      xhr.open('POST', url, true);
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      for (const [key, value] of Object.entries(authHeaders(settings))) {
        xhr.setRequestHeader(key, value);
      }
      xhr.upload.onprogress = (event: ProgressEvent) => {
        if (onProgress) {
          onProgress(
            event.loaded,
            event.lengthComputable ? event.total : file.size
          );
        }
      };
      xhr.onload = () => {
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve(parseJSON(xhr.responseText) as IUpload);
        } else {
          reject(errorFromBody(xhr.status, xhr.statusText, xhr.responseText));
        }
      };
      xhr.onerror = () => {
        reject(
          new ServerConnection.NetworkError(new TypeError('Upload failed'))
        );
      };
      xhr.onabort = () => reject(new UploadCancelledError());
      xhr.send(file);
    });
    return { done, cancel: () => xhr.abort() };
  }

  /**
   * The datasets of a thread.
   *
   * @param id - the thread id.
   * @returns the datasets in the order they were added.
   * @throws {VistaAPIError} 404 for an unknown thread.
   */
  async datasets(id: string): Promise<IDataset[]> {
    const data = await this._request<Schemas['Datasets']>(
      URLExt.join(threadPath(id), 'datasets')
    );
    return data.datasets;
  }

  /**
   * One dataset with its profile (the dataset card).
   *
   * @param id - the thread id.
   * @param datasetId - the dataset id.
   * @returns the dataset and its profile.
   * @throws {VistaAPIError} 404 when unknown.
   */
  dataset(id: string, datasetId: string): Promise<IDatasetDetail> {
    return this._request<IDatasetDetail>(
      URLExt.join(threadPath(id), 'datasets', encodeURIComponent(datasetId))
    );
  }

  /**
   * Download a dataset's original file.
   *
   * @param id - the thread id.
   * @param dataset - the dataset (its original name is the fallback file name).
   * @returns the file.
   * @throws {VistaAPIError} 404 when unknown.
   */
  downloadOriginal(id: string, dataset: IDataset): Promise<IDownload> {
    return this._download(
      URLExt.join(
        threadPath(id),
        'datasets',
        encodeURIComponent(dataset.id),
        'original'
      ),
      dataset.original_name
    );
  }

  /**
   * A figure produced in a thread.
   *
   * @param id - the thread id.
   * @param artifactId - the artifact id of an output.
   * @returns the image.
   * @throws {VistaAPIError} 404 when unknown.
   */
  async artifact(id: string, artifactId: string): Promise<Blob> {
    const download = await this._download(
      URLExt.join(threadPath(id), 'artifacts', encodeURIComponent(artifactId)),
      'figure'
    );
    return download.blob;
  }

  /**
   * Save a thread as a notebook in the workspace.
   *
   * @param id - the thread id.
   * @param path - workspace path of the notebook.
   * @param onConflict - 'rename' picks a fresh name when the file exists.
   * @returns where it was saved.
   * @throws {VistaAPIError} 409 when the file exists and `onConflict` is 'error'.
   */
  saveNotebook(
    id: string,
    path: string,
    onConflict: 'error' | 'rename' = 'rename'
  ): Promise<INotebookSaved> {
    return this._request<INotebookSaved>(
      URLExt.join(threadPath(id), 'notebook'),
      {
        method: 'POST',
        body: JSON.stringify({ path, on_conflict: onConflict })
      }
    );
  }

  /**
   * The set-up cell for code of a thread inserted into a notebook; the
   * server copies the thread's data beside the notebook (once).
   *
   * @param id - the thread id.
   * @param notebookPath - workspace path of an existing notebook.
   * @returns the cell's source and what it loads.
   * @throws {VistaAPIError} 404 for an unknown thread or notebook, 409 when
   *   the data folder's name is taken by a file.
   */
  notebookSetup(id: string, notebookPath: string): Promise<INotebookSetup> {
    return this._request<INotebookSetup>(
      URLExt.join(threadPath(id), 'notebook', 'setup'),
      { method: 'POST', body: JSON.stringify({ path: notebookPath }) }
    );
  }

  /**
   * Download a thread as a zip holding the notebook and its data.
   *
   * @param id - the thread id.
   * @param fallbackName - file name if the server sends none.
   * @returns the zip.
   * @throws {VistaAPIError} 404 for an unknown thread.
   */
  downloadNotebookBundle(id: string, fallbackName: string): Promise<IDownload> {
    return this._download(
      URLExt.join(threadPath(id), 'notebook') +
        URLExt.objectToQueryString({ bundle: 'zip' }),
      fallbackName
    );
  }

  private _request<T>(endPoint: string, init: RequestInit = {}): Promise<T> {
    return requestAPI<T>(endPoint, init, this.serverSettings);
  }

  private async _download(
    endPoint: string,
    fallbackName: string
  ): Promise<IDownload> {
    const settings = this.serverSettings;
    const url = URLExt.join(settings.baseUrl, 'vista', 'api', endPoint);
    let response: Response;
    try {
      response = await ServerConnection.makeRequest(
        url,
        { method: 'GET' },
        settings
      );
    } catch (error) {
      throw new ServerConnection.NetworkError(error as TypeError);
    }
    if (!response.ok) {
      throw await errorFromResponse(response);
    }
    const blob = await response.blob();
    const filename =
      filenameFromDisposition(response.headers.get('Content-Disposition')) ??
      fallbackName;
    return { blob, filename };
  }
}

/** The query string of paging options (after / before / last, limit). */
function pageQuery(options: IListMessagesOptions): string {
  const query: Record<string, string> = {};
  if (options.after !== undefined) {
    query.after = String(options.after);
  }
  if (options.before !== undefined) {
    query.before = String(options.before);
  }
  if (options.last) {
    query.last = 'true';
  }
  if (options.limit !== undefined) {
    query.limit = String(options.limit);
  }
  return URLExt.objectToQueryString(query);
}

function threadPath(id: string): string {
  return URLExt.join('threads', encodeURIComponent(id));
}

/** The headers `ServerConnection` would add: token and XSRF cookie. */
function authHeaders(
  settings: ServerConnection.ISettings
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (settings.token) {
    headers['Authorization'] = `token ${settings.token}`;
  }
  const xsrf = getCookie('_xsrf');
  if (xsrf !== undefined) {
    headers['X-XSRFToken'] = xsrf;
  }
  return headers;
}

/** The last value of a cookie (Tornado keeps the last duplicate too). */
function getCookie(name: string): string | undefined {
  let cookie = '';
  try {
    cookie = document.cookie;
  } catch {
    return undefined;
  }
  const prefix = name + '=';
  let value: string | undefined;
  for (const part of cookie.split(';')) {
    const trimmed = part.trim();
    if (trimmed.startsWith(prefix)) {
      value = trimmed.substring(prefix.length);
    }
  }
  return value;
}

/** The `VistaAPIError` of a non-2xx response (see `errorFromBody`). */
async function errorFromResponse(response: Response): Promise<VistaAPIError> {
  let body = '';
  try {
    body = await response.text();
  } catch {
    // the connection dropped while the error was read: the status says enough
  }
  return errorFromBody(response.status, response.statusText, body);
}

/**
 * The one reading of an error answer: the server's JSON `message` (meant
 * for the user) and `reason`; for anything else (a proxy's HTML 502 page,
 * an empty body) the status text, never the body itself.
 *
 * @param status - HTTP status code.
 * @param statusText - the status line's text ('' over HTTP/2).
 * @param body - the answer's body as text.
 * @returns the error to throw.
 */
function errorFromBody(
  status: number,
  statusText: string,
  body: string
): VistaAPIError {
  const parsed = parseJSON(body);
  const data: Partial<Schemas['Error']> | undefined =
    parsed && typeof parsed === 'object' ? parsed : undefined;
  const message =
    typeof data?.message === 'string' && data.message
      ? data.message
      : statusText || `HTTP ${status}`;
  const reason = typeof data?.reason === 'string' ? data.reason : null;
  return new VistaAPIError(status, message, reason);
}

/** The file name of a Content-Disposition header (RFC 5987 aware). */
function filenameFromDisposition(header: string | null): string | null {
  if (!header) {
    return null;
  }
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : null;
}
