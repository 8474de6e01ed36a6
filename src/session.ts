/**
 * The state of one open thread: a window of its history, the turn running
 * now (rebuilt from the thread's events, replayed and then live), and the
 * actions on it.
 *
 * A thread opens on its newest page of messages; older pages are read as the
 * view asks for them (`loadOlder`) and newer ones again when it comes back
 * down (`loadNewer`). At most `WINDOW` messages are held: going further
 * drops the other end, so a thread of any length costs the same to open and
 * to scroll through.
 *
 * Views subscribe to `changed`; they never talk to the server themselves.
 */
import { ISignal, Signal } from '@lumino/signaling';

import {
  IAssistantMetadata,
  IEarlierEvents,
  IMessage,
  IMessagePage,
  IStep,
  IThread,
  IVistaEvent,
  IVistaOutput,
  VistaAPIError,
  VistaClient
} from './api';

/** Messages read per page (the first page is the newest). */
export const PAGE = 50;

/** Most messages held (and shown) at once. */
export const WINDOW = 200;

/** Events read per page when the user loads the earlier steps of an answer. */
const EVENT_PAGE = 5000;

/** A step of the turn running now. */
export interface ILiveStep extends IStep {
  /** True while its code runs (between `code` and `step_done`). */
  running: boolean;
  notices: string[];
}

/** What the turn running now has produced so far. */
export interface ILiveTurn {
  turnId: string;
  model: string;
  steps: ILiveStep[];
  /** What the assistant is doing now. */
  phase: 'thinking' | 'running' | 'writing';
  error: string | null;
  /**
   * Events of this answer the server did not send because they were too
   * many to replay (the answer shows its newest steps): `loadEarlier` reads
   * them. Null when nothing is missing.
   */
  earlier: IEarlierEvents | null;
}

/** The open thread's state. */
export class ThreadSession {
  /**
   * @param client - the API client.
   * @param thread - the thread (as listed).
   */
  constructor(client: VistaClient, thread: IThread) {
    this._client = client;
    this._thread = thread;
  }

  /** Emitted whenever anything shown changes. */
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  /** Emitted when a turn ends (the thread list may want to refresh). */
  get turnEnded(): ISignal<this, string> {
    return this._turnEnded;
  }

  get thread(): IThread {
    return this._thread;
  }

  get client(): VistaClient {
    return this._client;
  }

  /** The finished messages held now (a window of the history), oldest first. */
  get messages(): readonly IMessage[] {
    return this._messages;
  }

  /** True when older messages than the window's exist (`loadOlder`). */
  get hasOlder(): boolean {
    return this._before !== null;
  }

  /**
   * True when newer messages than the window's exist (`loadNewer`): the
   * window was scrolled away from the end, where the live answer is.
   */
  get hasNewer(): boolean {
    return this._after !== null;
  }

  /** True while a page of messages is being read. */
  get loadingPage(): boolean {
    return this._paging !== null;
  }

  /**
   * Why reading a page of messages failed, until one is read: views show it
   * and wait for the user instead of asking again by themselves.
   */
  get pageError(): string | null {
    return this._pageError;
  }

  /** The turn running now, if its events have been seen. */
  get live(): ILiveTurn | null {
    return this._live;
  }

  /** True while a turn runs (so the question box is disabled). */
  get running(): boolean {
    return this._live !== null || this._pending;
  }

  /** True once the history is loaded. */
  get loaded(): boolean {
    return this._loaded;
  }

  /** A problem loading or streaming, for the user. */
  get error(): string | null {
    return this._error;
  }

  /** False while the live connection is down (it reconnects by itself). */
  get connected(): boolean {
    return this._connected;
  }

  get isDisposed(): boolean {
    return this._disposed;
  }

  /** Load the newest page of the history, then follow the thread's events. */
  async start(): Promise<void> {
    let after = 0;
    try {
      // The thread first: every turn that ended before it was read has its
      // answer among the messages read next, so following its events from
      // `replay_after` misses nothing and replays no finished turn.
      const thread = await this._client.getThread(this._thread.id);
      const page = await this._client.listMessages(this._thread.id, {
        last: true,
        limit: PAGE
      });
      after = thread.replay_after ?? 0;
      if (this._disposed) {
        return;
      }
      this._thread = thread;
      this._setWindow(page);
      this._pending = thread.running_turn !== null;
      this._loaded = true;
      this._emit();
    } catch (error) {
      this._error = describeError(error);
      this._loaded = true;
      this._emit();
      return;
    }
    // A running turn (another tab's, or one from before a reload) is
    // replayed from its first step, then followed live.
    this._stream = this._client.followEvents(this._thread.id, {
      after,
      onEvent: event => this._onEvent(event),
      onEarlier: earlier => this._onEarlier(earlier),
      onConnection: connected => {
        if (connected !== this._connected) {
          this._connected = connected;
          this._emit();
        }
      },
      onFatal: error => {
        this._error = error.message;
        this._live = null;
        this._pending = false;
        this._emit();
      }
    });
  }

  /**
   * Read the page of messages before the window (the view was scrolled to
   * its top). Beyond `WINDOW` messages, the newest ones are let go.
   *
   * @returns whether a page was read.
   */
  loadOlder(): Promise<boolean> {
    const before = this._before;
    if (before === null) {
      return Promise.resolve(false);
    }
    return this._page(
      () => this._client.listMessages(this._thread.id, { before, limit: PAGE }),
      page => {
        const known = new Set(this._messages.map(m => m.id));
        const older = page.messages.filter(m => !known.has(m.id));
        this._messages = [...older, ...this._messages];
        this._before = page.prev_before;
        if (this._messages.length > WINDOW) {
          this._messages = this._messages.slice(0, WINDOW);
          this._after = this._messages[this._messages.length - 1].seq;
        }
      }
    );
  }

  /**
   * Read the page of messages after the window (the view came back down
   * after older pages let the newest go). Beyond `WINDOW` messages, the
   * oldest ones are let go.
   *
   * @returns whether a page was read.
   */
  loadNewer(): Promise<boolean> {
    const after = this._after;
    if (after === null) {
      return Promise.resolve(false);
    }
    return this._page(
      () => this._client.listMessages(this._thread.id, { after, limit: PAGE }),
      page => {
        const known = new Set(this._messages.map(m => m.id));
        const newer = page.messages.filter(m => !known.has(m.id));
        this._messages = [...this._messages, ...newer];
        this._after = page.next_after;
        if (this._messages.length > WINDOW) {
          this._messages = this._messages.slice(-WINDOW);
          this._before = this._messages[0].seq;
        }
      }
    );
  }

  /** Show the newest page again (where the live answer and the question box are). */
  jumpToLatest(): Promise<boolean> {
    return this._page(
      () =>
        this._client.listMessages(this._thread.id, { last: true, limit: PAGE }),
      page => this._setWindow(page),
      true
    );
  }

  /**
   * Read the earlier events of the running answer that its replay left out
   * (a page at a time, newest first) and show its steps from the start.
   */
  async loadEarlier(): Promise<void> {
    const live = this._live;
    if (!live || !live.earlier || this._loadingEarlier) {
      return;
    }
    this._loadingEarlier = true;
    this._emit();
    try {
      const gap = live.earlier;
      const page = await this._client.listEvents(this._thread.id, {
        before: gap.before,
        limit: EVENT_PAGE
      });
      // (the stream may have said again meanwhile that it left events out,
      // which renews the live answer's state: the same answer still takes
      // the page read, else a click on "Load earlier steps" would be lost)
      if (this._disposed || this._live?.turnId !== live.turnId) {
        return;
      }
      const events = page.events.filter(e => e.seq > gap.after);
      const ours = events.filter(e => e.turn_id === live.turnId);
      const started = ours.some(e => e.type === 'turn_started');
      const first = events.length ? events[0].seq : gap.before;
      const missing =
        started || page.prev_before === null || first <= gap.after + 1
          ? null
          : { after: gap.after, before: first, count: first - gap.after - 1 };
      // The answer again from the start: every event of it known, in order
      // (text and outputs add up).
      const known = new Map<number, IVistaEvent>();
      for (const event of [...ours, ...this._turnEvents]) {
        known.set(event.seq, event);
      }
      const all = [...known.values()].sort((a, b) => a.seq - b.seq);
      this._live = this._newLive(live.turnId, live.model, missing);
      for (const event of all) {
        this._apply(event);
      }
      this._turnEvents = all;
    } catch (error) {
      this._pageError = describeError(error);
    } finally {
      this._loadingEarlier = false;
      this._emit();
    }
  }

  /** True while `loadEarlier` reads. */
  get loadingEarlier(): boolean {
    return this._loadingEarlier;
  }

  /**
   * Ask a question.
   *
   * @param content - the question.
   * @param model - the model id, or undefined for the server default.
   * @throws {VistaAPIError} e.g. 409 when a turn is already running.
   */
  async ask(content: string, model?: string): Promise<void> {
    this._pending = true;
    this._emit();
    if (this.hasNewer) {
      // The question and its answer go at the end: show the end.
      await this.jumpToLatest();
    }
    try {
      const { message } = await this._client.ask(
        this._thread.id,
        content,
        model
      );
      this._addMessage(message);
    } catch (error) {
      this._pending = false;
      this._emit();
      throw error;
    }
  }

  /** The last question asked, if any. */
  lastQuestion(): string | null {
    for (let i = this._messages.length - 1; i >= 0; i--) {
      if (this._messages[i].role === 'user') {
        return this._messages[i].content;
      }
    }
    return null;
  }

  /** Stop the running turn. */
  async cancel(): Promise<void> {
    await this._client.cancel(this._thread.id);
  }

  /**
   * A figure's image as an object URL (cached for the session's life).
   *
   * @param artifactId - the output's artifact id.
   * @returns the object URL.
   */
  artifactURL(artifactId: string): Promise<string> {
    let url = this._artifacts.get(artifactId);
    if (!url) {
      url = this._client
        .artifact(this._thread.id, artifactId)
        .then(blob => URL.createObjectURL(blob));
      url.catch(() => this._artifacts.delete(artifactId));
      this._artifacts.set(artifactId, url);
    }
    return url;
  }

  /**
   * A figure's bytes, base64-encoded (for notebook cells).
   *
   * @param artifactId - the output's artifact id.
   * @returns the image data and its MIME type.
   */
  async artifactBase64(
    artifactId: string
  ): Promise<{ data: string; mime: string }> {
    const blob = await this._client.artifact(this._thread.id, artifactId);
    const data = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => {
        const result = String(reader.result);
        resolve(result.slice(result.indexOf(',') + 1));
      };
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
    return { data, mime: blob.type || 'image/png' };
  }

  /** Update the thread after a rename elsewhere. */
  setThread(thread: IThread): void {
    this._thread = thread;
    this._emit();
  }

  dispose(): void {
    if (this._disposed) {
      return;
    }
    this._disposed = true;
    this._stream?.dispose();
    for (const url of this._artifacts.values()) {
      void url.then(u => URL.revokeObjectURL(u)).catch(() => undefined);
    }
    this._artifacts.clear();
    Signal.clearData(this);
  }

  private _onEvent(event: IVistaEvent): void {
    if (!event.turn_id || this._finishedTurns().has(event.turn_id)) {
      return;
    }
    const changed = this._apply(event);
    if (this._live?.turnId === event.turn_id) {
      // Kept to show the answer again should earlier events be read.
      this._turnEvents.push(event);
      this._gap = null;
    }
    if (changed) {
      this._emit();
    }
  }

  /**
   * The events the server left out of a replay (too many): the running
   * answer shows its newest steps and offers to load the earlier ones;
   * messages written meanwhile are read (the connection may have been down).
   */
  private _onEarlier(earlier: IEarlierEvents): void {
    // For the turn whose events come next: a new one (its start was left
    // out), or the one running here (the connection was down a long while).
    this._gap = earlier;
    if (this._live) {
      this._live = { ...this._live, earlier };
      this._emit();
    }
    if (this._after === null && this._messages.length) {
      this._after = this._messages[this._messages.length - 1].seq;
      void this.loadNewer();
    }
  }

  /** Apply one event to the live turn; whether anything shown changed. */
  private _apply(event: IVistaEvent): boolean {
    const turnId = event.turn_id!;
    const data = event.data ?? {};
    switch (event.type) {
      case 'turn_started': {
        this._live = this._newLive(turnId, String(data.model ?? ''), null);
        this._turnEvents = [];
        this._gap = null;
        if (data.message) {
          this._addMessage(data.message as IMessage);
        }
        break;
      }
      case 'text': {
        const step = this._step(turnId, data.step);
        if (step) {
          step.text += String(data.delta ?? '');
          this._live!.phase = 'writing';
        }
        break;
      }
      case 'text_reset': {
        const step = this._step(turnId, data.step);
        if (step) {
          step.text = '';
        }
        break;
      }
      case 'code': {
        const step = this._step(turnId, data.step);
        if (step) {
          step.code = String(data.code ?? '');
          step.running = true;
          step.result = { status: 'running', outputs: [] };
          this._live!.phase = 'running';
        }
        break;
      }
      case 'output': {
        const step = this._step(turnId, data.step);
        if (step) {
          if (!step.result) {
            step.result = { status: 'running', outputs: [] };
          }
          step.result.outputs = appendOutput(
            step.result.outputs,
            data.output as IVistaOutput
          );
        }
        break;
      }
      case 'step_done': {
        const step = this._step(turnId, data.step);
        if (step) {
          step.running = false;
          if (step.result) {
            step.result.status = String(data.status ?? 'ok');
            step.result.execution_count = data.execution_count ?? null;
          }
          this._live!.phase = 'thinking';
        }
        break;
      }
      case 'notice': {
        const step = this._step(turnId, data.step);
        if (step && data.message) {
          step.notices = [...step.notices, String(data.message)];
        }
        break;
      }
      case 'error': {
        if (this._live && this._live.turnId === turnId) {
          this._live.error = String(data.message ?? '');
        }
        break;
      }
      case 'done': {
        if (data.message) {
          const message = data.message as IMessage;
          const metadata = {
            ...(message.metadata ?? {})
          } as IAssistantMetadata;
          metadata.turn_id = metadata.turn_id ?? turnId;
          metadata.status = metadata.status ?? data.status;
          this._addMessage({ ...message, metadata: metadata as any });
        }
        this._doneTurns.add(turnId);
        if (this._live?.turnId === turnId) {
          this._live = null;
          this._turnEvents = [];
        }
        this._gap = null;
        this._pending = false;
        this._thread = { ...this._thread, running_turn: null };
        this._turnEnded.emit(turnId);
        break;
      }
      default:
        return false;
    }
    if (this._live && event.type !== 'done') {
      this._pending = false;
    }
    return true;
  }

  private _newLive(
    turnId: string,
    model: string,
    earlier: IEarlierEvents | null
  ): ILiveTurn {
    return {
      turnId,
      model,
      steps: [],
      phase: 'thinking',
      error: null,
      earlier
    };
  }

  /** The live step `index` of turn `turnId`, created on first use. */
  private _step(turnId: string, index: unknown): ILiveStep | null {
    if (!this._live || this._live.turnId !== turnId) {
      // Events of a turn whose start was not sent: the replay was capped
      // (the earlier events can be read), or (forgiving) it was missed.
      this._live = this._newLive(turnId, '', this._gap);
      this._gap = null;
      this._turnEvents = [];
    }
    const n = typeof index === 'number' ? index : 0;
    let step = this._live.steps.find(s => s.step === n);
    if (!step) {
      step = {
        step: n,
        text: '',
        code: null,
        result: null,
        running: false,
        notices: []
      };
      this._live.steps = [...this._live.steps, step].sort(
        (a, b) => a.step - b.step
      );
    }
    return step;
  }

  /** Turns whose answer is in the history. */
  private _finishedTurns(): Set<string> {
    const ids = new Set<string>(this._doneTurns);
    for (const message of this._messages) {
      const meta = message.metadata as IAssistantMetadata;
      if (message.role === 'assistant' && meta?.turn_id) {
        ids.add(meta.turn_id);
      }
    }
    return ids;
  }

  private _addMessage(message: IMessage): void {
    if (this._after !== null || this._messages.some(m => m.id === message.id)) {
      // Not at the end of the history: it comes with the newer pages.
      return;
    }
    this._messages = [...this._messages, message].sort((a, b) => a.seq - b.seq);
    if (this._messages.length > WINDOW) {
      // A long session: the oldest held are let go (read again on the way up).
      this._messages = this._messages.slice(-WINDOW);
      this._before = this._messages[0].seq;
    }
    this._emit();
  }

  /** A live turn whose answer is among the messages is over (its end was not seen). */
  private _dropFinishedLive(): void {
    if (this._live && this._finishedTurns().has(this._live.turnId)) {
      this._live = null;
      this._turnEvents = [];
      this._pending = false;
    }
  }

  /** Hold one page as the whole window. */
  private _setWindow(page: IMessagePage): void {
    this._messages = page.messages;
    this._before = page.prev_before;
    this._after = page.next_after;
  }

  /**
   * Read a page of messages and apply it (one read at a time; `replace`
   * waits for a read under way and then goes ahead).
   */
  private async _page(
    read: () => Promise<IMessagePage>,
    apply: (page: IMessagePage) => void,
    replace = false
  ): Promise<boolean> {
    while (this._paging) {
      if (!replace) {
        return false;
      }
      await this._paging.catch(() => undefined);
    }
    const reading = read();
    this._paging = reading;
    this._emit();
    try {
      const page = await reading;
      if (this._disposed) {
        return false;
      }
      apply(page);
      this._dropFinishedLive();
      this._pageError = null;
      return true;
    } catch (error) {
      this._pageError = describeError(error);
      return false;
    } finally {
      this._paging = null;
      this._emit();
    }
  }

  private _emit(): void {
    if (!this._disposed) {
      this._changed.emit();
    }
  }

  private _client: VistaClient;
  private _thread: IThread;
  private _messages: IMessage[] = [];
  /** `before` of the page older than the window (null: none). */
  private _before: number | null = null;
  /** `after` of the page newer than the window (null: the window ends the history). */
  private _after: number | null = null;
  private _paging: Promise<IMessagePage> | null = null;
  private _pageError: string | null = null;
  private _live: ILiveTurn | null = null;
  /** Events a capped replay left out, until the turn they belong to is seen. */
  private _gap: IEarlierEvents | null = null;
  /** The live turn's events seen, while some of its earlier ones are missing. */
  private _turnEvents: IVistaEvent[] = [];
  private _loadingEarlier = false;
  private _pending = false;
  private _loaded = false;
  private _error: string | null = null;
  private _connected = true;
  private _disposed = false;
  private _doneTurns = new Set<string>();
  private _artifacts = new Map<string, Promise<string>>();
  private _stream: { dispose(): void } | null = null;
  private _changed = new Signal<this, void>(this);
  private _turnEnded = new Signal<this, string>(this);
}

/** A message for the user from any thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof VistaAPIError) {
    return error.message;
  }
  if (error instanceof Error && error.message) {
    return error.message;
  }
  return String(error);
}

/**
 * Outputs with one more: printed text arrives chunk by chunk while code
 * runs, and joins the stream before it as it does in a notebook.
 */
export function appendOutput(
  outputs: IVistaOutput[],
  output: IVistaOutput
): IVistaOutput[] {
  const last = outputs[outputs.length - 1];
  if (
    last &&
    last.output_type === 'stream' &&
    output.output_type === 'stream' &&
    last.name === output.name
  ) {
    const text = (t: string | string[] | undefined): string =>
      Array.isArray(t) ? t.join('') : (t ?? '');
    return [
      ...outputs.slice(0, -1),
      { ...last, text: text(last.text) + text(output.text) }
    ];
  }
  return [...outputs, output];
}
