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

  private _request<T>(endPoint: string, init: RequestInit = {}): Promise<T> {
    return requestAPI<T>(endPoint, init, this.serverSettings);
  }
}

function threadPath(id: string): string {
  return URLExt.join('threads', encodeURIComponent(id));
}
