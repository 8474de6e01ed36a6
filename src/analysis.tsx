/**
 * An analysis in a tab of the main area: the chat of one thread with room to
 * read (a centred column, figures and tables at a legible size). It can be
 * split beside a notebook like any tab and is restored with the layout.
 */
import { ReactWidget } from '@jupyterlab/apputils';
import { Signal } from '@lumino/signaling';
import * as React from 'react';

import { IThread } from './api';
import { ThreadView } from './chat';
import { VistaContext } from './context';
import { vistaIcon } from './icons';
import { ThreadSession } from './session';

/** The id of the tab of a thread. */
export function analysisId(threadId: string): string {
  return `vista-analysis-${threadId}`;
}

/** One thread's chat as a main-area widget. */
export class VistaAnalysis extends ReactWidget {
  /**
   * @param context - the shared Vista context.
   * @param thread - the thread (or its id, for a tab restored by the layout).
   * @param fresh - true for a thread just created from a dataset.
   */
  constructor(context: VistaContext, thread: IThread | string, fresh = false) {
    super();
    this._context = context;
    this.threadId = typeof thread === 'string' ? thread : thread.id;
    this.id = analysisId(this.threadId);
    this.addClass('jp-vista-analysis');
    this.title.icon = vistaIcon;
    this.title.closable = true;
    this._focusDatasets = fresh && !context.settings.autoOverview;
    const placeholder: IThread =
      typeof thread === 'string'
        ? {
            id: thread,
            name: context.trans.__('Analysis'),
            created_at: '',
            updated_at: '',
            message_count: 0,
            datasets: [],
            running_turn: null
          }
        : thread;
    this._session = new ThreadSession(context.client, placeholder);
    this._setTitle(placeholder);
    this._session.changed.connect(() => {
      this._setTitle(this._session.thread);
    });
    context.changed.connect(this._onContextChanged, this);
    context.threadRenamed.connect(this._onRenamed, this);
    context.threadDeleted.connect(this._onDeleted, this);
    void this._session.start();
  }

  /** The thread shown. */
  readonly threadId: string;

  get thread(): IThread {
    return this._session.thread;
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    Signal.disconnectReceiver(this);
    this._session.dispose();
    super.dispose();
  }

  protected render(): JSX.Element {
    return (
      <ThreadView
        session={this._session}
        context={this._context}
        focusDatasets={this._focusDatasets}
      />
    );
  }

  private _setTitle(thread: IThread): void {
    if (this.title.label !== thread.name) {
      this.title.label = thread.name;
      this.title.caption = this._context.trans.__(
        'Vista analysis: %1',
        thread.name
      );
    }
  }

  private _onContextChanged(): void {
    this.update();
  }

  private _onRenamed(_: VistaContext, thread: IThread): void {
    if (thread.id === this.threadId) {
      this._session.setThread({ ...this._session.thread, name: thread.name });
    }
  }

  private _onDeleted(_: VistaContext, threadId: string): void {
    if (threadId === this.threadId) {
      this.close();
    }
  }

  private _context: VistaContext;
  private _session: ThreadSession;
  private _focusDatasets: boolean;
}
