/**
 * A real HTTP server on localhost for the frontend's unit tests: the API
 * client talks to it over the wire with the real `fetch`, so the tests see
 * what a browser would (status lines, headers, chunked event streams, a
 * closed connection), not a mocked function.
 */
import * as http from 'http';
import { AddressInfo } from 'net';

import { ServerConnection } from '@jupyterlab/services';

import { VistaClient } from '../api';

/** Answers one request; `url` is the path below `/vista/api/` with its query. */
export type Route = (
  url: URL,
  request: http.IncomingMessage,
  response: http.ServerResponse
) => void;

/** An event stream the test writes to. */
export class Stream {
  constructor(
    readonly url: URL,
    private _response: http.ServerResponse
  ) {}

  /** Send raw text (e.g. half a message, to test the parser). */
  raw(text: string): void {
    this._response.write(text);
  }

  /** Send one Vista event as `id:` + `data:`. */
  event(event: Record<string, unknown>): void {
    this.raw(`id: ${event.seq}\ndata: ${JSON.stringify(event)}\n\n`);
  }

  /** Close the connection (the client then reconnects). */
  close(): void {
    this._response.end();
  }
}

/** The server: `routes` answer JSON requests; `/events/stream` and `/changes` open streams. */
export class WireServer {
  routes = new Map<string, Route>();
  /** Every request, as `METHOD path?query`. */
  requests: string[] = [];
  streams: Stream[] = [];
  private _server = http.createServer((request, response) =>
    this._handle(request, response)
  );
  private _waiters: (() => void)[] = [];

  async start(): Promise<void> {
    await new Promise<void>(resolve =>
      this._server.listen(0, '127.0.0.1', resolve)
    );
  }

  async stop(): Promise<void> {
    for (const stream of this.streams) {
      stream.close();
    }
    this._server.closeAllConnections();
    await new Promise(resolve => this._server.close(resolve));
  }

  get baseUrl(): string {
    const { port } = this._server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/`;
  }

  /** A client of this server. */
  client(): VistaClient {
    return new VistaClient(
      ServerConnection.makeSettings({
        baseUrl: this.baseUrl,
        wsUrl: this.baseUrl.replace('http', 'ws'),
        token: 'secret',
        appendToken: false
      })
    );
  }

  /** Answer `path` with JSON. */
  json(path: string, body: unknown, status = 200): void {
    this.routes.set(path, (_url, _request, response) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    });
  }

  /** The `n`-th stream opened (waits for it). */
  async stream(n: number): Promise<Stream> {
    while (this.streams.length <= n) {
      await new Promise<void>(resolve => this._waiters.push(resolve));
    }
    return this.streams[n];
  }

  private _handle(
    request: http.IncomingMessage,
    response: http.ServerResponse
  ): void {
    const url = new URL(request.url ?? '/', this.baseUrl);
    const path = url.pathname.replace(/^\/vista\/api\//, '');
    this.requests.push(`${request.method} ${path}${url.search}`);
    const route = this.routes.get(path);
    if (route) {
      route(url, request, response);
      return;
    }
    if (path.endsWith('/events/stream') || path === 'changes') {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-cache'
      });
      response.flushHeaders();
      this.streams.push(new Stream(url, response));
      for (const wake of this._waiters.splice(0)) {
        wake();
      }
      return;
    }
    response.writeHead(404, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ message: `No route ${path}` }));
  }
}

/** Resolves once `condition()` holds (polling; no fixed sleeps). */
export async function until(
  condition: () => boolean,
  what = 'condition'
): Promise<void> {
  const deadline = Date.now() + 10000;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 5));
  }
}
