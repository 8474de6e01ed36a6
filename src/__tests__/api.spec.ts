/**
 * The API client against a real HTTP server: how it turns every kind of
 * failure into one error a view can show, and how it follows event streams
 * (split messages, named events, reconnection after the last event seen).
 */
import { ServerConnection } from '@jupyterlab/services';

import {
  IEarlierEvents,
  IVistaEvent,
  VistaAPIError,
  VistaClient
} from '../api';
import { until, WireServer } from './wire';

let server: WireServer;
let client: VistaClient;

beforeEach(async () => {
  server = new WireServer();
  await server.start();
  client = server.client();
});

afterEach(async () => {
  await server.stop();
});

describe('errors', () => {
  it('carries the status, message and reason of a JSON error body', async () => {
    server.json(
      'threads/t1/messages',
      { message: 'A turn is already running.', reason: 'Conflict' },
      409
    );
    const error = await client.ask('t1', 'why?').catch(e => e);
    expect(error).toBeInstanceOf(VistaAPIError);
    expect(error.status).toBe(409);
    expect(error.message).toBe('A turn is already running.');
    expect(error.reason).toBe('Conflict');
  });

  it('shows the status text, not the page, of a non-JSON 502 from a proxy', async () => {
    server.routes.set('threads', (_url, _request, response) => {
      response.writeHead(502, 'Bad Gateway', { 'Content-Type': 'text/html' });
      response.end('<html><body><h1>502 Bad Gateway</h1>nginx</body></html>');
    });
    const error = await client.listThreadsPage().catch(e => e);
    expect(error).toBeInstanceOf(VistaAPIError);
    expect(error.status).toBe(502);
    expect(error.message).toBe('Bad Gateway');
    expect(error.reason).toBeNull();
  });

  it('names the status when there is neither a message nor a status text', async () => {
    server.routes.set('info', (_url, _request, response) => {
      response.writeHead(503, '', { 'Content-Type': 'application/json' });
      response.end('{"message": ""}');
    });
    const error = await client.info().catch(e => e);
    expect(error).toBeInstanceOf(VistaAPIError);
    expect(error.message).toBe('HTTP 503');
  });

  it('parses a download error like any other', async () => {
    server.json(
      'threads/t1/artifacts/a1',
      { message: 'No such figure.', reason: 'Not Found' },
      404
    );
    const error = await client.artifact('t1', 'a1').catch(e => e);
    expect(error).toBeInstanceOf(VistaAPIError);
    expect([error.status, error.message]).toEqual([404, 'No such figure.']);
  });

  it('reports a server that cannot be reached as a network error', async () => {
    await server.stop();
    const error = await client.info().catch(e => e);
    expect(error).toBeInstanceOf(ServerConnection.NetworkError);
    // a restart for afterEach
    server = new WireServer();
    await server.start();
  });

  it('sends the token and decodes a success', async () => {
    let auth: string | undefined;
    server.routes.set('info', (_url, request, response) => {
      auth = request.headers.authorization;
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"version": "1", "owner": "ana"}');
    });
    expect(await client.info()).toEqual({ version: '1', owner: 'ana' });
    expect(auth).toBe('token secret');
  });

  it('answers undefined for 204 No Content', async () => {
    server.routes.set('threads/t1', (_url, _request, response) => {
      response.writeHead(204);
      response.end();
    });
    await expect(client.deleteThread('t1')).resolves.toBeUndefined();
  });
});

function event(seq: number, type = 'text', data: unknown = {}): IVistaEvent {
  return {
    seq,
    type,
    turn_id: 'turn-1',
    data,
    created_at: '2025-01-01T00:00:00Z'
  };
}

describe('event streams', () => {
  it('parses messages split anywhere, CRLF lines, comments and named events', async () => {
    const seen: number[] = [];
    const earlier: IEarlierEvents[] = [];
    const handle = client.followEvents('t1', {
      after: 0,
      onEvent: e => seen.push(e.seq),
      onEarlier: e => earlier.push(e)
    });
    const stream = await server.stream(0);
    expect(stream.url.searchParams.get('after')).toBe('0');
    const text = JSON.stringify(event(1));
    stream.raw(': subscribed\r\n\r\nevent: earlier\r\ndata: {"after": 0, ');
    stream.raw(
      '"before": 7, "count": 6}\r\n\r\nid: 1\ndata: ' + text.slice(0, 9)
    );
    stream.raw(text.slice(9) + '\n');
    stream.raw('\n: replayed\n\n');
    stream.event(event(7));
    await until(() => seen.length === 2, 'two events');
    expect(seen).toEqual([1, 7]);
    expect(earlier).toEqual([{ after: 0, before: 7, count: 6 }]);
    handle.dispose();
  });

  it('reconnects after the last event seen and drops what it has already had', async () => {
    const seen: IVistaEvent[] = [];
    const connections: boolean[] = [];
    const handle = client.followEvents('t1', {
      after: 3,
      onEvent: e => seen.push(e),
      onConnection: c => connections.push(c)
    });
    const first = await server.stream(0);
    first.event(event(4, 'text', { step: 0, delta: 'a' }));
    first.event(event(5, 'text', { step: 0, delta: 'b' }));
    await until(() => seen.length === 2, 'first events');
    first.close();
    const second = await server.stream(1);
    expect(second.url.searchParams.get('after')).toBe('5');
    // A server may send again what the client already has: it is not applied twice.
    second.event(event(5, 'text', { step: 0, delta: 'b' }));
    second.event(event(6, 'text', { step: 0, delta: 'c' }));
    await until(() => seen.length === 3, 'the event after the reconnection');
    expect(seen.map(e => e.data.delta).join('')).toBe('abc');
    expect(connections).toEqual([true, false, true]);
    handle.dispose();
  });

  it('gives up on a stream that cannot continue (404)', async () => {
    server.json(
      'threads/gone/events/stream',
      { message: 'No such thread.' },
      404
    );
    let fatal: VistaAPIError | null = null;
    client.followEvents('gone', {
      after: 0,
      onEvent: () => undefined,
      onFatal: e => (fatal = e)
    });
    await until(() => fatal !== null, 'onFatal');
    expect(fatal!.message).toBe('No such thread.');
    await new Promise(resolve => setTimeout(resolve, 700));
    expect(server.requests.filter(r => r.includes('gone')).length).toBe(1);
  });

  it('follows the change feed: threads and deletions', async () => {
    const threads: string[] = [];
    const deleted: string[] = [];
    const handle = client.followChanges({
      onThread: t => threads.push(t.name),
      onDeleted: id => deleted.push(id)
    });
    const stream = await server.stream(0);
    stream.raw(': subscribed\n\n');
    stream.raw(
      'event: thread\ndata: ' +
        JSON.stringify({ id: 't2', name: 'Sales', running_turn: null }) +
        '\n\nevent: deleted\ndata: {"id": "t3"}\n\n'
    );
    await until(() => deleted.length === 1, 'the deletion');
    expect(threads).toEqual(['Sales']);
    expect(deleted).toEqual(['t3']);
    handle.dispose();
  });
});
