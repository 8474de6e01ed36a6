/**
 * `ThreadSession`'s event reducer, driven through the real client by a real
 * HTTP server: the running answer built from text, code, output, figure,
 * step and done events; events of finished turns replayed; events sent
 * twice; a stream that left earlier events out.
 */
import { IMessage, IThread, IVistaEvent } from '../api';
import { ThreadSession } from '../session';
import { Stream, until, WireServer } from './wire';

let server: WireServer;
let session: ThreadSession;

const THREAD: IThread = {
  id: 't1',
  name: 'Sales',
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2025-01-01T00:00:00Z',
  message_count: 0,
  datasets: ['sales.csv'],
  running_turn: null
};

function message(id: number, role: IMessage['role'], turn?: string): IMessage {
  return {
    id,
    seq: id,
    role,
    content: `${role} ${id}`,
    created_at: '2025-01-01T00:00:00Z',
    metadata: turn ? { turn_id: turn, status: 'done' } : {}
  };
}

let seq = 0;
function ev(
  turn: string,
  type: string,
  data: Record<string, unknown> = {}
): IVistaEvent {
  seq += 1;
  return { seq, type, turn_id: turn, data, created_at: '2025-01-01T00:00:00Z' };
}

/** Open the session on `messages` and return the event stream it follows. */
async function open(
  messages: IMessage[],
  thread: Partial<IThread> = {}
): Promise<Stream> {
  server.json('threads/t1', { ...THREAD, replay_after: 0, ...thread });
  server.json('threads/t1/messages', {
    messages,
    next_after: null,
    prev_before: null
  });
  session = new ThreadSession(server.client(), THREAD);
  await session.start();
  return server.stream(0);
}

/** Send events and wait until the session has applied the last one. */
async function send(stream: Stream, ...events: IVistaEvent[]): Promise<void> {
  let changed = false;
  const mark = () => (changed = true);
  for (const event of events) {
    changed = false;
    session.changed.connect(mark);
    stream.event(event);
    await until(() => changed, `event ${event.seq} (${event.type})`);
    session.changed.disconnect(mark);
  }
}

beforeEach(async () => {
  seq = 0;
  server = new WireServer();
  await server.start();
});

afterEach(async () => {
  session?.dispose();
  await server.stop();
});

describe('the running answer', () => {
  it('is built from text, code, outputs, figures and steps, then becomes a message', async () => {
    const stream = await open([message(1, 'user')], { running_turn: 'A' });
    expect(session.running).toBe(true);
    const ended: string[] = [];
    session.turnEnded.connect((_, id) => ended.push(id));

    await send(stream, ev('A', 'turn_started', { model: 'vista-offline' }));
    expect(session.live).toMatchObject({
      turnId: 'A',
      model: 'vista-offline',
      phase: 'thinking'
    });

    await send(
      stream,
      ev('A', 'text', { step: 0, delta: 'Let me ' }),
      ev('A', 'text', { step: 0, delta: 'look.' })
    );
    expect(session.live!.steps[0].text).toBe('Let me look.');
    expect(session.live!.phase).toBe('writing');

    await send(stream, ev('A', 'code', { step: 0, code: 'df.plot()' }));
    expect(session.live!.phase).toBe('running');
    expect(session.live!.steps[0]).toMatchObject({
      code: 'df.plot()',
      running: true
    });

    const figure = {
      output_type: 'display_data',
      data: {},
      artifact: { id: 'fig1', mime_type: 'image/png' }
    };
    await send(
      stream,
      ev('A', 'output', {
        step: 0,
        output: { output_type: 'stream', name: 'stdout', text: 'rows: ' }
      }),
      ev('A', 'output', {
        step: 0,
        output: { output_type: 'stream', name: 'stdout', text: '344\n' }
      }),
      ev('A', 'output', { step: 0, output: figure }),
      ev('A', 'notice', {
        step: 0,
        message: 'Only the first 10,000 rows are shown.'
      }),
      ev('A', 'step_done', { step: 0, status: 'ok', execution_count: 3 })
    );
    const step = session.live!.steps[0];
    expect(step.result!.outputs).toEqual([
      { output_type: 'stream', name: 'stdout', text: 'rows: 344\n' },
      figure
    ]);
    expect(step).toMatchObject({
      running: false,
      notices: ['Only the first 10,000 rows are shown.']
    });
    expect(step.result).toMatchObject({ status: 'ok', execution_count: 3 });
    expect(session.live!.phase).toBe('thinking');

    await send(
      stream,
      ev('A', 'text', { step: 1, delta: 'draft' }),
      ev('A', 'text_reset', { step: 1 })
    );
    expect(session.live!.steps.map(s => s.text)).toEqual(['Let me look.', '']);

    await send(
      stream,
      ev('A', 'done', { status: 'done', message: message(2, 'assistant') })
    );
    expect(session.live).toBeNull();
    expect(session.running).toBe(false);
    expect(ended).toEqual(['A']);
    const answer = session.messages[session.messages.length - 1];
    expect(answer.id).toBe(2);
    // the done event's turn and status are kept with the message
    expect(answer.metadata).toMatchObject({ turn_id: 'A', status: 'done' });
    expect(session.thread.running_turn).toBeNull();
  });

  it('keeps the error of a failed turn until it is done', async () => {
    const stream = await open([]);
    await send(
      stream,
      ev('B', 'turn_started', { model: 'm', message: message(5, 'user') })
    );
    expect(session.messages.map(m => m.id)).toEqual([5]);
    await send(
      stream,
      ev('B', 'error', { message: 'The model server did not answer.' })
    );
    expect(session.live!.error).toBe('The model server did not answer.');
    await send(
      stream,
      ev('B', 'done', { status: 'error', message: message(6, 'assistant') })
    );
    expect(session.live).toBeNull();
    expect(session.messages[1].metadata).toMatchObject({
      status: 'error',
      turn_id: 'B'
    });
  });

  it('ignores events of a type it does not know', async () => {
    const stream = await open([]);
    await send(stream, ev('C', 'turn_started', { model: 'm' }));
    stream.event(ev('C', 'something_new', { step: 0 }));
    await send(stream, ev('C', 'text', { step: 0, delta: 'x' }));
    expect(session.live!.steps.map(s => s.text)).toEqual(['x']);
  });
});

describe('replays and duplicates', () => {
  it('does not replay a turn whose answer is already a message', async () => {
    const stream = await open([
      message(1, 'user'),
      message(2, 'assistant', 'OLD')
    ]);
    stream.event(ev('OLD', 'turn_started', { model: 'm' }));
    stream.event(ev('OLD', 'text', { step: 0, delta: 'old answer' }));
    stream.event(
      ev('OLD', 'done', {
        status: 'done',
        message: message(2, 'assistant', 'OLD')
      })
    );
    await send(stream, ev('NEW', 'turn_started', { model: 'm' }));
    expect(session.live!.turnId).toBe('NEW');
    expect(session.live!.steps).toEqual([]);
    expect(session.messages.map(m => m.id)).toEqual([1, 2]);
  });

  it('applies an event sent again after a reconnection only once', async () => {
    const first = await open([]);
    await send(
      first,
      ev('D', 'turn_started', { model: 'm' }),
      ev('D', 'text', { step: 0, delta: 'one ' })
    );
    const last = seq;
    first.close();
    const second = await server.stream(1);
    expect(second.url.searchParams.get('after')).toBe(String(last));
    await until(() => session.connected, 'the reconnection');
    second.event({ ...ev('D', 'text', { step: 0, delta: 'one ' }), seq: last });
    await send(second, ev('D', 'text', { step: 0, delta: 'two' }));
    expect(session.live!.steps[0].text).toBe('one two');
  });

  it('shows the newest steps of an answer whose start the stream left out, and offers the earlier ones', async () => {
    const stream = await open([message(1, 'user')], { running_turn: 'E' });
    stream.raw(
      'event: earlier\ndata: {"after": 0, "before": 40, "count": 39}\n\n'
    );
    await send(stream, {
      ...ev('E', 'text', { step: 3, delta: 'later text' }),
      seq: 40
    });
    expect(session.live).toMatchObject({
      turnId: 'E',
      earlier: { after: 0, before: 40, count: 39 }
    });
    expect(session.live!.steps.map(s => [s.step, s.text])).toEqual([
      [3, 'later text']
    ]);
  });

  it('loads the earlier steps though the stream says again meanwhile that it left them out', async () => {
    const stream = await open([message(1, 'user')], { running_turn: 'E' });
    const notice =
      'event: earlier\ndata: {"after": 0, "before": 40, "count": 39}\n\n';
    stream.raw(notice);
    await send(stream, {
      ...ev('E', 'text', { step: 3, delta: 'later text' }),
      seq: 40
    });
    // the page of earlier events is answered only once the notice came again
    let release = (): void => undefined;
    server.routes.set('threads/t1/events', (_url, _request, response) => {
      release = () => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(
          JSON.stringify({
            events: [
              { ...ev('E', 'turn_started', { model: 'm' }), seq: 2 },
              { ...ev('E', 'text', { step: 1, delta: 'first text' }), seq: 3 }
            ],
            next_after: null,
            prev_before: null
          })
        );
      };
    });
    const before = session.live;
    const loading = session.loadEarlier();
    await until(
      () => server.requests.some(r => r.startsWith('GET threads/t1/events?')),
      'the request for the earlier events'
    );
    stream.raw(notice);
    await until(() => session.live !== before, 'the notice applied');
    release();
    await loading;
    expect(session.live!.earlier).toBeNull();
    expect(session.live!.steps.map(s => [s.step, s.text])).toEqual([
      [1, 'first text'],
      [3, 'later text']
    ]);
  });
});
