/**
 * The state of one open thread: its history, the turn running now (rebuilt
 * from the thread's events, replayed and then live), and the actions on it.
 *
 * Views subscribe to `changed`; they never talk to the server themselves.
 */
import { ISignal, Signal } from '@lumino/signaling';

import {
  IAssistantMetadata,
  IMessage,
  IStep,
  IThread,
  IVistaEvent,
  IVistaOutput,
  VistaAPIError,
  VistaClient
} from './api';

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

  /** The finished messages (questions and answers), oldest first. */
  get messages(): readonly IMessage[] {
    return this._messages;
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

  /** Load the history, then follow the thread's events. */
  async start(): Promise<void> {
    let after = 0;
    try {
      // The thread first: every turn that ended before it was read has its
      // answer among the messages read next, so following its events from
      // `replay_after` misses nothing and replays no finished turn.
      const thread = await this._client.getThread(this._thread.id);
      const messages = await this._client.allMessages(this._thread.id);
      after = thread.replay_after ?? 0;
      if (this._disposed) {
        return;
      }
      this._thread = thread;
      this._messages = messages;
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
   * Ask a question.
   *
   * @param content - the question.
   * @param model - the model id, or undefined for the server default.
   * @throws {VistaAPIError} e.g. 409 when a turn is already running.
   */
  async ask(content: string, model?: string): Promise<void> {
    this._pending = true;
    this._emit();
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

  /** Ask the last question again. */
  async retry(model?: string): Promise<void> {
    const question = this.lastQuestion();
    if (question) {
      await this.ask(question, model);
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
    const turnId = event.turn_id;
    if (!turnId) {
      return;
    }
    if (this._finishedTurns().has(turnId)) {
      return;
    }
    const data = event.data ?? {};
    switch (event.type) {
      case 'turn_started': {
        this._live = {
          turnId,
          model: String(data.model ?? ''),
          steps: [],
          phase: 'thinking',
          error: null
        };
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
          const metadata = { ...(message.metadata ?? {}) } as IAssistantMetadata;
          metadata.turn_id = metadata.turn_id ?? turnId;
          metadata.status = metadata.status ?? data.status;
          this._addMessage({ ...message, metadata: metadata as any });
        }
        this._doneTurns.add(turnId);
        if (this._live?.turnId === turnId) {
          this._live = null;
        }
        this._pending = false;
        this._thread = { ...this._thread, running_turn: null };
        this._turnEnded.emit(turnId);
        break;
      }
      default:
        return;
    }
    if (this._live && event.type !== 'done') {
      this._pending = false;
    }
    this._emit();
  }

  /** The live step `index` of turn `turnId`, created on first use. */
  private _step(turnId: string, index: unknown): ILiveStep | null {
    if (!this._live || this._live.turnId !== turnId) {
      // Events of a turn whose start we did not see (should not happen
      // with a replay from `replay_after`, but be forgiving).
      this._live = {
        turnId,
        model: '',
        steps: [],
        phase: 'thinking',
        error: null
      };
    }
    const n = typeof index === 'number' ? index : 0;
    let step = this._live.steps.find(s => s.step === n);
    if (!step) {
      step = { step: n, text: '', code: null, result: null, running: false, notices: [] };
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
    if (this._messages.some(m => m.id === message.id)) {
      return;
    }
    this._messages = [...this._messages, message].sort((a, b) => a.seq - b.seq);
    this._emit();
  }

  private _emit(): void {
    if (!this._disposed) {
      this._changed.emit();
    }
  }

  private _client: VistaClient;
  private _thread: IThread;
  private _messages: IMessage[] = [];
  private _live: ILiveTurn | null = null;
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
      Array.isArray(t) ? t.join('') : t ?? '';
    return [
      ...outputs.slice(0, -1),
      { ...last, text: text(last.text) + text(output.text) }
    ];
  }
  return [...outputs, output];
}
