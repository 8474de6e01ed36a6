/**
 * The chat of one analysis: its datasets, the questions and answers (each
 * step's prose, code and outputs), the answer streaming in, and the
 * question box with the model picker.
 *
 * The conversation is a window of the thread's history (see session.ts): it
 * opens on the newest messages, reads older ones as the user scrolls up
 * (keeping what is on screen where it is) and newer ones again on the way
 * back down.
 */
import { Clipboard } from '@jupyterlab/apputils';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { TranslationBundle } from '@jupyterlab/translation';
import {
  caretLeftIcon,
  copyIcon,
  downloadIcon,
  imageIcon,
  launchIcon,
  notebookIcon,
  runIcon,
  stopIcon,
  ToolbarButtonComponent
} from '@jupyterlab/ui-components';
import * as React from 'react';

import {
  IAssistantMetadata,
  IMessage,
  IModelList,
  IStep,
  IVistaOutput
} from './api';
import { VistaContext } from './context';
import { DatasetCards, followDataset } from './datasetcard';
import { QuestionChips, starterQuestions } from './questions';
import { INotebookBridge, notebookOutputs } from './notebook';
import {
  Caret,
  CodeView,
  figureTitle,
  MarkdownView,
  OutputView
} from './render';
import { describeError, ILiveStep, ThreadSession } from './session';

export interface IThreadViewProps {
  session: ThreadSession;
  context: VistaContext;
  /** Open on the dataset card rather than following the overview. */
  focusDatasets: boolean;
  /** Back to the list (the sidebar); no back button without it. */
  onBack?: () => void;
  /** Move the analysis into a tab of the main area (from the sidebar). */
  onOpenInMain?: () => void;
}

/** Re-render a component when the session changes (at most once a frame). */
function useSession(session: ThreadSession): void {
  const [, setTick] = React.useState(0);
  React.useEffect(() => {
    let frame = 0;
    const onChange = (): void => {
      if (!frame) {
        frame = window.requestAnimationFrame(() => {
          frame = 0;
          setTick(t => t + 1);
        });
      }
    };
    session.changed.connect(onChange);
    return () => {
      session.changed.disconnect(onChange);
      if (frame) {
        window.cancelAnimationFrame(frame);
      }
    };
  }, [session]);
}

/** How close (px) to the loaded edge of the conversation the next page is read. */
const PAGE_AHEAD = 600;

/** Where a message on screen is: its seq and its top, from the scroller's top. */
interface IAnchor {
  seq: number;
  offset: number;
}

/** The first message whose bottom is below the scroller's top edge. */
function findAnchor(node: HTMLElement): IAnchor | null {
  const top = node.getBoundingClientRect().top;
  for (const el of Array.from(
    node.querySelectorAll<HTMLElement>('[data-seq]')
  )) {
    const rect = el.getBoundingClientRect();
    if (rect.bottom > top) {
      return { seq: Number(el.dataset.seq), offset: rect.top - top };
    }
  }
  return null;
}

/**
 * The scroll position that puts the anchor's message where it was (null:
 * no need to move).
 */
function anchoredTop(node: HTMLElement, anchor: IAnchor | null): number | null {
  if (!anchor) {
    return null;
  }
  const el = node.querySelector<HTMLElement>(`[data-seq="${anchor.seq}"]`);
  if (el) {
    const offset =
      el.getBoundingClientRect().top - node.getBoundingClientRect().top;
    const delta = offset - anchor.offset;
    if (Math.abs(delta) >= 1) {
      return node.scrollTop + delta;
    }
  }
  return null;
}

/** The whole thread page of the sidebar. */
export function ThreadView(props: IThreadViewProps): JSX.Element {
  const { session, context } = props;
  const { trans, models } = context;
  const preferredModel = context.settings.model;
  useSession(session);
  const thread = session.thread;
  const scroller = React.useRef<HTMLDivElement>(null);
  const contentRef = React.useRef<HTMLDivElement>(null);
  const listRef = React.useRef<HTMLDivElement>(null);
  const stick = React.useRef(!props.focusDatasets);
  // The message on screen, kept in place when pages come or go above it.
  const anchor = React.useRef<IAnchor | null>(null);
  const firstSeq = React.useRef<number | null>(null);
  const [model, setModel] = React.useState<string>('');
  const [askError, setAskError] = React.useState<string | null>(null);

  // The model picker: the setting's model when the server offers it.
  React.useEffect(() => {
    if (!models) {
      return;
    }
    const ids = models.models.map(m => m.id);
    setModel(current =>
      current && ids.includes(current)
        ? current
        : preferredModel && ids.includes(preferredModel)
          ? preferredModel
          : models.default
    );
  }, [models, preferredModel]);

  // Follow the bottom while the user has not scrolled up: after every render,
  // whenever the content grows by itself (figures load after their step) and
  // whenever the chat's own size changes.
  // When the user last wheeled, touched, pressed a key or grabbed the
  // scrollbar in the chat: only they may stop the following. Scroll events
  // also come from content growing or shrinking under the view.
  const userInput = React.useRef(0);
  const noteUserInput = (): void => {
    userInput.current = Date.now();
  };
  // How tall the content was when the chat last placed the view. A scroll
  // with the content as tall as it was cannot come from content growing or
  // shrinking: it is the user's even without an input event here (assistive
  // technology moving to a control, find-in-page, a script), and the chat
  // must not pull the view back.
  const placedHeight = React.useRef<number | null>(null);
  // Where the view was at the last scroll event, and how tall the content:
  // content growing below never moves the view up, so a move up while the
  // content did not shrink is the user's too (a script or assistive
  // technology while an answer streams in).
  const lastView = React.useRef<{ top: number; height: number } | null>(null);
  // Where the view was when the chat last knew it (its own placement, or a
  // scroll event it judged): a scroll event that finds the view there is
  // the chat's own, not the user's (even just after a click). Null when the
  // chat is told to go to the bottom whatever the view shows (a question
  // asked, the latest messages asked for).
  const known = React.useRef<number | null>(null);
  const place = (node: HTMLElement, top: number | null): void => {
    if (top !== null) {
      node.scrollTop = top;
      placedHeight.current = node.scrollHeight;
      known.current = node.scrollTop;
    }
  };
  // While it follows, the chat holds its content at least as tall as it was
  // when it last placed the view: content that empties and fills again
  // between two of its looks (an output re-rendered) never gets shorter, so
  // the browser never pulls the view up to a shorter content's end, and any
  // move of the view is someone else's.
  const hold = (height: number | null): void => {
    const content = contentRef.current;
    if (content) {
      content.style.minHeight = height === null ? '' : `${height}px`;
    }
  };
  const toBottom = (node: HTMLElement): void => {
    if (!node.clientHeight) {
      // hidden (another tab in front, the sidebar closed): nothing to place,
      // and where the view was is no longer known; shown again, the chat
      // resizes and is placed at the end
      known.current = null;
      hold(null);
      return;
    }
    // Away from where the chat last placed it and not at the end, the view
    // was moved by something else (the user, whose scroll event has not come
    // yet; assistive technology; find in page): it stays there, and the
    // chat stops following.
    const end = node.scrollHeight - node.clientHeight;
    if (
      known.current !== null &&
      Math.abs(node.scrollTop - known.current) >= 1 &&
      end - node.scrollTop >= 1
    ) {
      stick.current = false;
      hold(null);
      anchor.current = findAnchor(node);
      return;
    }
    hold(null); // the content's own height now (it may have got shorter)
    place(node, node.scrollHeight);
    hold(contentRef.current?.offsetHeight ?? null);
  };
  const restoreAnchor = (node: HTMLElement, at: IAnchor | null): void => {
    place(node, anchoredTop(node, at));
  };
  // Read the next page when the loaded edge of the conversation is near.
  const pageIfNear = (): void => {
    const node = scroller.current;
    const list = listRef.current;
    if (!node || !list || session.loadingPage || session.pageError !== null) {
      return;
    }
    const view = node.getBoundingClientRect();
    const rect = list.getBoundingClientRect();
    if (session.hasOlder && rect.top > view.top - PAGE_AHEAD) {
      void session.loadOlder();
    } else if (session.hasNewer && rect.bottom < view.bottom + PAGE_AHEAD) {
      void session.loadNewer();
    }
  };
  React.useLayoutEffect(() => {
    const node = scroller.current;
    if (!node) {
      return;
    }
    const first = session.messages.length ? session.messages[0].seq : null;
    if (stick.current) {
      toBottom(node);
    } else if (first !== firstSeq.current) {
      // Older messages came in above (or the oldest went): the one on screen
      // stays where it was.
      restoreAnchor(node, anchor.current);
    }
    firstSeq.current = first;
    anchor.current = findAnchor(node);
    pageIfNear();
  });
  React.useEffect(() => {
    const node = scroller.current;
    const content = contentRef.current;
    if (!node || !content || typeof ResizeObserver === 'undefined') {
      return;
    }
    const observer = new ResizeObserver(() => {
      if (stick.current) {
        toBottom(node);
      } else {
        // A figure above finished loading: what is read stays in place.
        restoreAnchor(node, anchor.current);
      }
    });
    observer.observe(content);
    // ... and whenever the chat itself changes size (the box below it grows
    // with a long question or a status line, the panel is resized or shown
    // again): no scroll event says the bottom went out of view then.
    observer.observe(node);
    // ... and, while following, after every change to what the chat holds:
    // the end moves with every word, and a shorter content is let go of
    // (its height was held since the last look).
    const mutations = new MutationObserver(() => {
      if (stick.current) {
        toBottom(node);
      }
    });
    mutations.observe(content, {
      childList: true,
      subtree: true,
      characterData: true
    });
    return () => {
      observer.disconnect();
      mutations.disconnect();
    };
  }, []);

  const ask = async (content: string): Promise<void> => {
    setAskError(null);
    stick.current = true;
    known.current = null;
    anchor.current = null;
    try {
      await session.ask(content, model || undefined);
    } catch (error) {
      setAskError(describeError(error));
      throw error;
    }
  };

  const retry = (): void => {
    const question = session.lastQuestion();
    if (question) {
      void ask(question).catch(() => undefined);
    }
  };

  const stop = (): void => {
    session.cancel().catch(error => setAskError(describeError(error)));
  };

  const messages = session.messages;
  // Away from the end of the history, the last message held is not the last
  // answer, and the running answer is not under it.
  const atEnd = !session.hasNewer;
  const lastAssistant = atEnd
    ? [...messages].reverse().find(m => m.role === 'assistant')
    : undefined;
  const live = atEnd ? session.live : null;
  const starters = useStarterQuestions(session, trans);
  const busy = session.running || !session.loaded;
  const askChip = (question: string): void => {
    void ask(question).catch(() => undefined);
  };
  // Chips under the last answer: its own suggestions, or, when the offline
  // analyst answered without any analysis (it did not understand), the
  // dataset's starters.
  const lastMeta = (lastAssistant?.metadata ?? {}) as IAssistantMetadata;
  const answerSuggestions =
    lastAssistant && !live
      ? Array.isArray(lastMeta.suggestions) && lastMeta.suggestions.length
        ? lastMeta.suggestions.filter(q => typeof q === 'string')
        : lastMeta.model === 'vista-offline' &&
            (lastMeta.status ?? 'done') === 'done' &&
            !(lastMeta.steps ?? []).some(step => step.code)
          ? starters
          : []
      : [];
  const userQuestions = session.hasOlder
    ? Infinity
    : messages.filter(m => m.role === 'user').length;
  const ctx: IStepContext = {
    session,
    rendermime: context.rendermime,
    bridge: context.bridge,
    trans,
    notify: (message, kind) => context.notify(message, kind)
  };

  return (
    <div
      className="jp-vista-panel jp-vista-thread-view"
      data-thread-id={thread.id}
    >
      <header className="jp-vista-header">
        {props.onBack && (
          <ToolbarButtonComponent
            className="jp-vista-back"
            icon={caretLeftIcon}
            tooltip={trans.__('Back to the list of analyses')}
            onClick={props.onBack}
          />
        )}
        <h2
          className="jp-vista-title jp-vista-title-grow jp-vista-thread-title"
          title={thread.name}
        >
          {thread.name}
        </h2>
        {props.onOpenInMain && (
          <ToolbarButtonComponent
            className="jp-vista-open-main"
            icon={launchIcon}
            tooltip={trans.__('Open in a tab of the main area')}
            onClick={props.onOpenInMain}
          />
        )}
        <ToolbarButtonComponent
          className="jp-vista-export"
          icon={notebookIcon}
          tooltip={trans.__('Open as notebook')}
          enabled={session.loaded && messages.length > 0}
          onClick={() => void context.exportThread(session.thread)}
        />
        <ToolbarButtonComponent
          className="jp-vista-download-bundle"
          icon={downloadIcon}
          tooltip={trans.__('Download notebook and data (.zip)')}
          enabled={session.loaded}
          onClick={() => void context.downloadThread(session.thread)}
        />
      </header>
      <div
        className="jp-vista-scroll jp-vista-chat-scroll"
        ref={scroller}
        onWheel={noteUserInput}
        onTouchMove={noteUserInput}
        onKeyDown={noteUserInput}
        onPointerDown={noteUserInput}
        onScroll={event => {
          const node = event.currentTarget;
          const own =
            known.current !== null &&
            Math.abs(node.scrollTop - known.current) < 1;
          const sameContent = placedHeight.current === node.scrollHeight;
          const last = lastView.current;
          const movedUp =
            last !== null &&
            node.scrollTop < last.top - 1 &&
            node.scrollHeight >= last.height;
          lastView.current = {
            top: node.scrollTop,
            height: node.scrollHeight
          };
          if (
            !own &&
            (sameContent || movedUp || Date.now() - userInput.current <= 1000)
          ) {
            stick.current =
              !session.hasNewer &&
              node.scrollHeight - node.scrollTop - node.clientHeight < 40;
          }
          if (!stick.current) {
            hold(null);
          }
          anchor.current = stick.current ? null : findAnchor(node);
          known.current = node.scrollTop;
          pageIfNear();
        }}
      >
        <div className="jp-vista-scroll-content" ref={contentRef}>
          {models?.offline && <OfflineBanner trans={trans} />}
          <DatasetCards
            client={session.client}
            threadId={thread.id}
            trans={trans}
            expanded={props.focusDatasets}
            version={(thread.datasets ?? []).join('\u0000')}
          />
          {session.error && (
            <div className="jp-vista-error" role="alert">
              {session.error}
            </div>
          )}
          {!session.loaded && (
            <p className="jp-vista-status">{trans.__('Loading…')}</p>
          )}
          {session.pageError !== null && (
            <div className="jp-vista-error jp-vista-page-error" role="alert">
              {session.pageError}
            </div>
          )}
          {session.hasOlder && (
            <div className="jp-vista-older">
              <button
                type="button"
                className="jp-Button jp-mod-styled jp-vista-load-older"
                disabled={session.loadingPage}
                onClick={() => {
                  // Reading back: stay on what is on screen as they come in.
                  stick.current = false;
                  if (scroller.current) {
                    anchor.current = findAnchor(scroller.current);
                  }
                  void session.loadOlder();
                }}
              >
                {session.loadingPage
                  ? trans.__('Loading earlier messages…')
                  : trans.__('Show earlier messages')}
              </button>
            </div>
          )}
          <div
            className="jp-vista-messages"
            role="log"
            aria-live="polite"
            aria-label={trans.__('Conversation')}
            ref={listRef}
          >
            {messages.map(message =>
              message.role === 'user' ? (
                <UserMessage key={message.id} message={message} trans={trans} />
              ) : message.role === 'assistant' ? (
                <React.Fragment key={message.id}>
                  <AssistantMessage
                    message={message}
                    ctx={ctx}
                    canRetry={
                      message === lastAssistant && !session.running && !live
                    }
                    onRetry={retry}
                  />
                  {message === lastAssistant && (
                    <QuestionChips
                      questions={answerSuggestions}
                      label={trans.__('Try asking:')}
                      disabled={busy}
                      onAsk={askChip}
                    />
                  )}
                </React.Fragment>
              ) : null
            )}
            {live && (
              <div
                className="jp-vista-message jp-vista-assistant jp-vista-live"
                data-turn-id={live.turnId}
              >
                {live.earlier && (
                  <div className="jp-vista-earlier" role="status">
                    <span className="jp-vista-earlier-text">
                      {trans.__(
                        'This answer is long: its first steps are not shown yet.'
                      )}
                    </span>
                    <button
                      type="button"
                      className="jp-Button jp-mod-styled jp-vista-load-earlier"
                      disabled={session.loadingEarlier}
                      onClick={() => void session.loadEarlier()}
                    >
                      {session.loadingEarlier
                        ? trans.__('Loading…')
                        : trans.__('Load earlier steps')}
                    </button>
                  </div>
                )}
                {live.steps.map(step => (
                  <StepView key={step.step} step={step} ctx={ctx} />
                ))}
                {live.error && <TurnError message={live.error} trans={trans} />}
              </div>
            )}
          </div>
          {session.hasNewer && (
            <div className="jp-vista-newer">
              <button
                type="button"
                className="jp-Button jp-mod-styled jp-vista-jump-latest"
                disabled={session.loadingPage}
                onClick={() => {
                  stick.current = true;
                  known.current = null;
                  anchor.current = null;
                  void session.jumpToLatest();
                }}
              >
                {trans.__('Show the latest messages')}
              </button>
            </div>
          )}
          {session.loaded && messages.length === 0 && !live && (
            <p className="jp-vista-status">
              {trans.__('Ask a question about your data below.')}
            </p>
          )}
          {session.loaded &&
            atEnd &&
            !live &&
            userQuestions <= 1 &&
            answerSuggestions.length === 0 && (
              <QuestionChips
                questions={starters}
                label={trans.__('Questions to start with:')}
                disabled={busy}
                onAsk={askChip}
              />
            )}
        </div>
      </div>
      <StatusLine session={session} trans={trans} />
      {askError && (
        <div className="jp-vista-error jp-vista-ask-error" role="alert">
          {askError}
        </div>
      )}
      <Composer
        trans={trans}
        running={session.running}
        disabled={!session.loaded || session.error !== null}
        models={models}
        model={model}
        onModel={setModel}
        onSend={ask}
        onStop={stop}
      />
    </div>
  );
}

/** Starter questions for the thread's first dataset (empty until read). */
function useStarterQuestions(
  session: ThreadSession,
  trans: TranslationBundle
): string[] {
  const [questions, setQuestions] = React.useState<string[]>([]);
  const threadId = session.thread.id;
  const version = (session.thread.datasets ?? []).join('\u0000');
  React.useEffect(() => {
    let live = true;
    const client = session.client;
    client
      .datasets(threadId)
      .then(list =>
        list.length
          ? followDataset(
              client,
              threadId,
              list[0].id,
              () => live,
              detail => {
                if (!detail.profile.pending) {
                  setQuestions(starterQuestions(detail, trans));
                }
              }
            )
          : undefined
      )
      .catch(() => undefined); // the dataset card shows why, if it fails
    return () => {
      live = false;
    };
  }, [threadId, version, trans]);
  return questions;
}

/** Says what is running now ("Thinking…", "Running code…"). */
function StatusLine(props: {
  session: ThreadSession;
  trans: TranslationBundle;
}): JSX.Element | null {
  const { session, trans } = props;
  let text: string | null = null;
  if (!session.connected) {
    text = trans.__('Reconnecting…');
  } else if (session.running) {
    const phase = session.live?.phase ?? 'thinking';
    text =
      phase === 'running'
        ? trans.__('Running code…')
        : phase === 'writing'
          ? trans.__('Writing the answer…')
          : trans.__('Thinking…');
  }
  if (!text) {
    return null;
  }
  return (
    <div className="jp-vista-statusline" role="status" aria-live="polite">
      <span className="jp-vista-spinner" aria-hidden="true" />
      <span className="jp-vista-statusline-text">{text}</span>
    </div>
  );
}

/** The built-in offline analyst is answering: say so, and how to change it. */
function OfflineBanner(props: { trans: TranslationBundle }): JSX.Element {
  const { trans } = props;
  return (
    <details className="jp-vista-banner jp-vista-offline-banner">
      <summary>
        {trans.__('The built-in offline analyst is answering.')}
      </summary>
      <p>
        {trans.__(
          'It runs without any network access and understands common questions: an overview, summary statistics, missing values, distributions, counts, top values, averages by group, relationships, correlations, trends and filters.'
        )}
      </p>
      <p>
        {trans.__(
          'For open-ended questions, an administrator can connect a language model in the server’s environment (OPENAI_API_KEY, OPENAI_BASE_URL, VISTA_MODEL) or in jupyter_server_config.py. Keys are never entered in the browser.'
        )}
      </p>
    </details>
  );
}

function UserMessage(props: {
  message: IMessage;
  trans: TranslationBundle;
}): JSX.Element {
  return (
    <div
      className="jp-vista-message jp-vista-user"
      data-message-id={props.message.id}
      data-seq={props.message.seq}
      aria-label={props.trans.__('Your question')}
    >
      <div className="jp-vista-user-bubble">{props.message.content}</div>
    </div>
  );
}

interface IStepContext {
  session: ThreadSession;
  rendermime: IRenderMimeRegistry;
  bridge: INotebookBridge;
  trans: TranslationBundle;
  notify: (message: string, kind?: 'success' | 'error' | 'info') => void;
}

function AssistantMessage(props: {
  message: IMessage;
  ctx: IStepContext;
  canRetry: boolean;
  onRetry: () => void;
}): JSX.Element {
  const { message, ctx, canRetry } = props;
  const { trans } = ctx;
  const meta = (message.metadata ?? {}) as IAssistantMetadata;
  const steps = (meta.steps ?? []).filter(
    step =>
      step.code || (step.text && step.text.trim() !== message.content.trim())
  );
  const status = meta.status ?? 'done';
  const error = meta.error ?? null;
  return (
    <div
      className={`jp-vista-message jp-vista-assistant jp-vista-status-${status}`}
      data-message-id={message.id}
      data-seq={message.seq}
    >
      {steps.map((step, i) => (
        <StepView
          key={step.step}
          step={step}
          ctx={ctx}
          stopped={
            (status === 'cancelled' || status === 'interrupted') &&
            i === steps.length - 1
          }
        />
      ))}
      {status === 'error' && error && (
        <TurnError message={error} trans={trans} />
      )}
      {message.content && (
        <MarkdownView
          rendermime={ctx.rendermime}
          source={message.content}
          className="jp-vista-answer"
        />
      )}
      {status !== 'done' && canRetry && (
        <button
          type="button"
          className="jp-Button jp-mod-styled jp-vista-retry"
          onClick={props.onRetry}
        >
          {trans.__('Retry')}
        </button>
      )}
    </div>
  );
}

function TurnError(props: {
  message: string;
  trans: TranslationBundle;
}): JSX.Element {
  return (
    <div className="jp-vista-error jp-vista-turn-error" role="alert">
      <span className="jp-vista-error-title">{props.trans.__('Error:')}</span>{' '}
      <span className="jp-vista-error-message">{props.message}</span>
    </div>
  );
}

/** One step: prose, the collapsible code with its actions, its outputs. */
function StepView(props: {
  step: IStep | ILiveStep;
  ctx: IStepContext;
  /** The last step of an answer the user stopped. */
  stopped?: boolean;
}): JSX.Element {
  const { step, ctx } = props;
  const { trans, session, bridge } = ctx;
  const [open, setOpen] = React.useState(false);
  const outputs = step.result?.outputs ?? [];
  const running = (step as ILiveStep).running === true;
  const notices = (step as ILiveStep).notices ?? [];
  const unfinished =
    !!step.result &&
    !running &&
    !['ok', 'running'].includes(step.result.status);
  // Code cut short by Stop did not fail: the user stopped it.
  const stopped =
    unfinished &&
    (step.result!.status === 'interrupted' ||
      step.result!.status === 'cancelled' ||
      props.stopped === true);
  const failed = unfinished && !stopped;
  const codeId = `jp-vista-code-${React.useId()}`;

  const copy = (): void => {
    Clipboard.copyToSystem(step.code ?? '');
    ctx.notify(trans.__('Code copied'), 'info');
  };
  const insert = async (): Promise<void> => {
    try {
      const cells = await notebookOutputs(outputs, id =>
        session.artifactBase64(id)
      );
      const threadId = session.thread.id;
      const path = await bridge.insertCode(step.code ?? '', cells, {
        load: notebook => session.client.notebookSetup(threadId, notebook)
      });
      ctx.notify(trans.__('Inserted into %1', path), 'success');
    } catch (error) {
      ctx.notify(describeError(error), 'error');
    }
  };
  const insertFigure = async (output: IVistaOutput): Promise<void> => {
    try {
      const figure = await session.artifactBase64(output.artifact!.id);
      const path = await bridge.insertFigure(
        figure.data,
        figure.mime,
        figureTitle(output) ?? trans.__('Figure')
      );
      ctx.notify(trans.__('Figure inserted into %1', path), 'success');
    } catch (error) {
      ctx.notify(describeError(error), 'error');
    }
  };

  return (
    <div className="jp-vista-step" data-step={step.step}>
      {step.text && (
        <MarkdownView rendermime={ctx.rendermime} source={step.text} />
      )}
      {notices.map((notice, i) => (
        <p key={i} className="jp-vista-notice">
          {notice}
        </p>
      ))}
      {step.code && (
        <div
          className={`jp-vista-code-block${failed ? ' jp-mod-failed' : ''}${
            stopped ? ' jp-mod-stopped' : ''
          }`}
        >
          <div className="jp-vista-code-header">
            <button
              type="button"
              className="jp-vista-code-toggle"
              aria-expanded={open}
              aria-controls={codeId}
              onClick={() => setOpen(!open)}
            >
              <Caret open={open} />
              <span>
                {running
                  ? trans.__('Running code…')
                  : stopped
                    ? trans.__('Code (stopped)')
                    : failed
                      ? trans.__('Code (failed)')
                      : trans.__('Code')}
              </span>
            </button>
            <ToolbarButtonComponent
              className="jp-vista-copy-code"
              icon={copyIcon}
              tooltip={trans.__('Copy code')}
              onClick={copy}
            />
            <ToolbarButtonComponent
              className="jp-vista-insert-code"
              icon={notebookIcon}
              tooltip={trans.__('Insert code and outputs into the notebook')}
              enabled={!running}
              onClick={() => void insert()}
            />
          </div>
          {open && (
            <div id={codeId} className="jp-vista-code-body">
              <CodeView rendermime={ctx.rendermime} code={step.code} />
            </div>
          )}
        </div>
      )}
      {outputs.length > 0 && (
        <div className="jp-vista-outputs">
          {outputs.map((output, i) => (
            <OutputView
              key={i}
              rendermime={ctx.rendermime}
              output={output}
              trans={trans}
              loadArtifact={id => session.artifactURL(id)}
              actions={o => (
                <ToolbarButtonComponent
                  className="jp-vista-insert-figure"
                  icon={imageIcon}
                  tooltip={trans.__('Insert figure into the notebook')}
                  onClick={() => void insertFigure(o)}
                />
              )}
            />
          ))}
        </div>
      )}
    </div>
  );
}

/** The question box: Enter sends, Shift+Enter adds a line. */
function Composer(props: {
  trans: TranslationBundle;
  running: boolean;
  disabled: boolean;
  models: IModelList | null;
  model: string;
  onModel: (id: string) => void;
  onSend: (content: string) => Promise<void>;
  onStop: () => void;
}): JSX.Element {
  const { trans, running, models } = props;
  const [text, setText] = React.useState('');
  const [sending, setSending] = React.useState(false);
  const area = React.useRef<HTMLTextAreaElement>(null);
  const locked = running || props.disabled || sending;

  const send = async (): Promise<void> => {
    const content = text.trim();
    if (!content || locked) {
      return;
    }
    setSending(true);
    try {
      await props.onSend(content);
      setText('');
    } catch {
      // the error is shown above the box; keep the text to try again
    } finally {
      setSending(false);
    }
  };

  React.useEffect(() => {
    if (!locked) {
      area.current?.focus({ preventScroll: true });
    }
  }, [locked]);

  return (
    <form
      className="jp-vista-composer"
      onSubmit={event => {
        event.preventDefault();
        void send();
      }}
    >
      <textarea
        ref={area}
        className="jp-vista-input"
        rows={2}
        value={text}
        disabled={locked}
        placeholder={
          running
            ? trans.__('Vista is answering…')
            : trans.__('Ask a question about your data')
        }
        aria-label={trans.__('Question')}
        onChange={event => setText(event.target.value)}
        onKeyDown={event => {
          if (
            event.key === 'Enter' &&
            !event.shiftKey &&
            !event.nativeEvent.isComposing
          ) {
            event.preventDefault();
            void send();
          }
        }}
      />
      <div className="jp-vista-composer-row">
        {models && models.models.length > 0 && (
          <select
            className="jp-vista-model-select"
            aria-label={trans.__('Model')}
            title={trans.__('Model that answers')}
            value={props.model}
            disabled={running}
            onChange={event => props.onModel(event.target.value)}
          >
            {models.models.map(m => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        )}
        <span className="jp-vista-composer-hint">
          {trans.__('Enter to send, Shift+Enter for a new line')}
        </span>
        {running ? (
          <button
            type="button"
            className="jp-Button jp-mod-styled jp-mod-reject jp-vista-stop"
            onClick={props.onStop}
            aria-label={trans.__('Stop the answer')}
          >
            <stopIcon.react tag="span" className="jp-vista-button-icon" />
            {trans.__('Stop')}
          </button>
        ) : (
          <button
            type="submit"
            className="jp-Button jp-mod-styled jp-mod-accept jp-vista-send"
            disabled={locked || !text.trim()}
            aria-label={trans.__('Send the question')}
          >
            <runIcon.react tag="span" className="jp-vista-button-icon" />
            {trans.__('Send')}
          </button>
        )}
      </div>
    </form>
  );
}
