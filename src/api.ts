/**
 * The one typed client for the Vista REST API (`<baseUrl>vista/api/...`).
 *
 * Components never build URLs: they call `VistaClient` methods.
 */
import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';

/** The server's version and the identity it serves. */
export interface IVistaInfo {
  version: string;
  owner: string;
}

/** A conversation (an analysis) as the server returns it. */
export interface IThread {
  id: string;
  name: string;
  /** ISO-8601 UTC timestamp. */
  created_at: string;
  /** ISO-8601 UTC timestamp. */
  updated_at: string;
  message_count: number;
  /** Names of the thread's datasets, in the order they were added. */
  datasets: string[];
  /** Id of the turn running now, or null. */
  running_turn: string | null;
  /**
   * Only from `getThread`: follow the events after this seq to see the
   * running turn from its start, or (none running) only what comes next.
   */
  replay_after?: number;
}

export type MessageRole = 'user' | 'assistant' | 'system';

/** One message in a thread. */
export interface IMessage {
  id: number;
  seq: number;
  role: MessageRole;
  content: string;
  created_at: string;
  metadata: Record<string, unknown>;
}

/** One page of a thread's messages. */
export interface IMessagePage {
  messages: IMessage[];
  /** The `after` value for the next page, or null when there is none. */
  next_after: number | null;
}

/** Paging options for `VistaClient.listMessages`. */
export interface IListMessagesOptions {
  /** Return messages with `seq` greater than this (server default 0). */
  after?: number;
  /** Page size, 1..500 (server default 100). */
  limit?: number;
}

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

  if (response.status === 204) {
    return undefined as T;
  }

  const text = await response.text();
  let data: any = undefined;
  if (text.length > 0) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }

  if (!response.ok) {
    const message =
      data && typeof data.message === 'string' && data.message
        ? data.message
        : response.statusText || `HTTP ${response.status}`;
    const reason = data && typeof data.reason === 'string' ? data.reason : null;
    throw new VistaAPIError(response.status, message, reason);
  }

  return data as T;
}


/** A language the server writes overviews in. */
export type VistaLanguage = 'en' | 'ko';

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

/** One event of a thread (see the OpenAPI `Event` schema). */
export interface IVistaEvent {
  seq: number;
  type:
    | 'turn_started'
    | 'text'
    | 'text_reset'
    | 'code'
    | 'output'
    | 'step_done'
    | 'notice'
    | 'error'
    | 'done'
    | string;
  turn_id: string | null;
  data: any;
  created_at?: string;
}

/** A running or finished turn. */
export interface ITurn {
  id: string;
  thread_id: string;
  status: 'running' | 'done' | 'error' | 'cancelled' | 'interrupted';
  model: string;
  created_at: string;
}

/** A bundled example dataset. */
export interface IExample {
  id: string;
  title: string;
  description: string;
  description_ko: string;
  source: string;
  license: string;
  attribution: string;
}

/** A model the server offers. */
export interface IModelInfo {
  id: string;
  label: string;
  kind: 'openai' | 'offline' | string;
}

/** Answer of `GET models`. */
export interface IModelList {
  models: IModelInfo[];
  default: string;
  offline: boolean;
  context_budget: number;
}

/** Progress of a dataset the server is reading (`GET readings/{id}`). */
export interface IReading {
  /** waiting, expanding, decoding, checking, reading or profiling. */
  phase: string;
  bytes_done: number;
  bytes_total: number;
  /** Seconds since the reading started. */
  elapsed: number;
}

/** A stored upload, usable as `{"upload": id}`. */
export interface IUpload {
  id: string;
  name: string;
  size_bytes: number;
  created_at: string;
}

/** Where a new dataset comes from: exactly one key. */
export type DatasetSource = { upload: string } | { example: string } | { path: string };

/** A dataset of a thread. */
export interface IDataset {
  id: string;
  thread_id: string;
  name: string;
  original_name: string;
  var_name: string;
  source: string;
  rows: number;
  columns: number;
  size_bytes: number;
  detected: Record<string, unknown>;
  warnings: string[];
  created_at: string;
  /**
   * How analysis kernels hold it: a pandas DataFrame, or (too large for pandas
   * in the kernel's memory) a DuckDB view queried with `sql()`; null when its
   * file cannot be read.
   */
  mode?: 'pandas' | 'duckdb' | null;
  /** Its estimated size as a pandas DataFrame, which chose the mode. */
  dataframe_bytes?: number | null;
  /** For a dataset held in DuckDB: its pandas sample in the kernel. */
  sample_var?: string | null;
}

/** One column of a dataset profile. */
export interface IColumnProfile {
  name: string;
  kind: 'boolean' | 'datetime' | 'numeric' | 'identifier' | 'categorical' | 'text' | string;
  dtype: string;
  nulls: number;
  distinct: number;
  min?: unknown;
  max?: unknown;
  mean?: number | null;
  std?: number | null;
  top?: { value: unknown; count: number }[];
}

/** A dataset with its profile: what the dataset card shows. */
export interface IDatasetDetail extends IDataset {
  summary: string;
  profile: {
    rows: number;
    columns: number;
    column_profiles: IColumnProfile[];
    sample: Record<string, unknown>[];
  };
}

/** Answer of saving a thread as a notebook. */
export interface INotebookSaved {
  path: string;
  data_folder: string;
  figures: number;
  cells: number;
}

/** The set-up cell for code of a thread inserted into a notebook. */
export interface INotebookSetup {
  /** The cell's source: imports, the font, the data loaded by relative path. */
  code: string;
  /** The thread it belongs to. */
  thread: string;
  /** Ids of the datasets it loads. */
  datasets: string[];
  /** Where the data was copied, beside the notebook. */
  data_folder: string;
}

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
   * List the threads, most recently updated first.
   *
   * @returns the threads.
   * @throws {VistaAPIError} on a non-2xx answer.
   */
  async listThreads(): Promise<IThread[]> {
    const data = await this._request<{ threads: IThread[] }>('threads');
    return data.threads;
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
   * @param options - `after` (exclusive seq) and `limit` (1..500).
   * @returns the messages and the cursor for the next page.
   * @throws {VistaAPIError} 400 for bad paging values, 404 for an unknown thread.
   */
  listMessages(
    id: string,
    options: IListMessagesOptions = {}
  ): Promise<IMessagePage> {
    const query: Record<string, string> = {};
    if (options.after !== undefined) {
      query.after = String(options.after);
    }
    if (options.limit !== undefined) {
      query.limit = String(options.limit);
    }
    const search = URLExt.objectToQueryString(query);
    return this._request<IMessagePage>(
      URLExt.join(threadPath(id), 'messages') + search
    );
  }

  /**
   * Read every message of a thread (all pages).
   *
   * @param id - the thread id.
   * @returns the messages, oldest first.
   * @throws {VistaAPIError} 404 for an unknown thread.
   */
  async allMessages(id: string): Promise<IMessage[]> {
    const messages: IMessage[] = [];
    let after: number | null = 0;
    while (after !== null) {
      const page: IMessagePage = await this.listMessages(id, {
        after,
        limit: 500
      });
      messages.push(...page.messages);
      after = page.next_after;
    }
    return messages;
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
  ask(
    id: string,
    content: string,
    model?: string
  ): Promise<{ turn: ITurn; message: IMessage }> {
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
    const data = await this._request<{ cancelled: boolean }>(
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
    const controller = new AbortController();
    let disposed = false;
    let after = options.after;
    let delay = 500;
    const settings = this.serverSettings;
    const base = URLExt.join(
      settings.baseUrl,
      'vista',
      'api',
      threadPath(id),
      'events',
      'stream'
    );

    const connectOnce = async (): Promise<void> => {
      const url = base + URLExt.objectToQueryString({ after: String(after) });
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
      options.onConnection?.(true);
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done || disposed) {
          break;
        }
        buffer += decoder.decode(value, { stream: true });
        buffer = buffer.replace(/\r\n?/g, '\n');
        let boundary = buffer.indexOf('\n\n');
        while (boundary >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const event = parseSSEBlock(block);
          if (event && !disposed) {
            if (event.seq > after) {
              after = event.seq;
              options.onEvent(event);
            }
          }
          boundary = buffer.indexOf('\n\n');
        }
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
            options.onConnection?.(false);
            options.onFatal?.(error);
            return;
          }
        }
        if (disposed) {
          return;
        }
        options.onConnection?.(false);
        await new Promise(resolve => window.setTimeout(resolve, delay));
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
    const data = await this._request<{ examples: IExample[] }>('examples');
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
          onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
        }
      };
      xhr.onload = () => {
        let data: any = undefined;
        try {
          data = JSON.parse(xhr.responseText);
        } catch {
          data = undefined;
        }
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve(data as IUpload);
        } else {
          const message =
            data && typeof data.message === 'string' && data.message
              ? data.message
              : xhr.statusText || `HTTP ${xhr.status}`;
          reject(new VistaAPIError(xhr.status, message, data?.reason ?? null));
        }
      };
      xhr.onerror = () => {
        reject(new ServerConnection.NetworkError(new TypeError('Upload failed')));
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
    const data = await this._request<{ datasets: IDataset[] }>(
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
      response = await ServerConnection.makeRequest(url, { method: 'GET' }, settings);
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

function threadPath(id: string): string {
  return URLExt.join('threads', encodeURIComponent(id));
}

/** The headers `ServerConnection` would add: token and XSRF cookie. */
function authHeaders(settings: ServerConnection.ISettings): Record<string, string> {
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

/** A `VistaAPIError` from a non-2xx response's JSON `message`. */
async function errorFromResponse(response: Response): Promise<VistaAPIError> {
  let data: any = undefined;
  try {
    data = JSON.parse(await response.text());
  } catch {
    data = undefined;
  }
  const message =
    data && typeof data.message === 'string' && data.message
      ? data.message
      : response.statusText || `HTTP ${response.status}`;
  return new VistaAPIError(response.status, message, data?.reason ?? null);
}

/** Parse one server-sent-events block into an event (null for comments). */
function parseSSEBlock(block: string): IVistaEvent | null {
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('data:')) {
      data.push(line.slice(5).replace(/^ /, ''));
    }
  }
  if (data.length === 0) {
    return null;
  }
  try {
    return JSON.parse(data.join('\n')) as IVistaEvent;
  } catch {
    return null;
  }
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
