/**
 * Every selector and id the Vista UI tests use, in one place.
 */

/** Id of the Vista sidebar widget (also its tab's `data-id`). */
export const SIDEBAR_ID = 'jp-vista-sidebar';

/** The sidebar panel itself. */
export const sidebar = `#${SIDEBAR_ID}`;

/** The sidebar's tab in the left tab bar. */
export const sidebarTab = `.jp-SideBar.jp-mod-left .lm-TabBar-tab[data-id="${SIDEBAR_ID}"]`;

/** One row of the thread list. */
export const threadItem = '.jp-vista-thread-item';

/** The mark of a thread whose answer is running. */
export const runningMark = '.jp-vista-running-dot';

/** The button opening a thread from its row. */
export const threadOpen = '.jp-vista-thread-open';

/** The visible error state. */
export const errorState = '.jp-vista-error';

/** The list's refresh button. */
export const refreshButton = `${sidebar} .jp-vista-refresh`;

/** The "new analysis" button of the list header. */
export const newButton = `${sidebar} .jp-vista-new-button`;

/** The Launcher's Vista card. */
export const launcherCard = '.jp-LauncherCard:has-text("New Vista Analysis")';

/** The new-analysis page's "From the workspace…" button. */
export const workspaceFile = `${sidebar} .jp-vista-workspace-file`;

/** The hidden file input of the new-analysis page. */
export const fileInput = `${sidebar} .jp-vista-file-input`;

/** An example dataset card of the gallery, by id. */
export const example = (id: string): string =>
  `${sidebar} .jp-vista-example[data-example-id="${id}"]`;

/**
 * The chat of the analysis on screen: a tab of the main area (the default)
 * or the sidebar. Hidden tabs do not count.
 */
export const threadView = '.jp-vista-thread-view:visible';

/** An analysis tab of the main area, and its tab in the dock's tab bar. */
export const analysisTab = '.lm-DockPanel .jp-vista-analysis';
export const dockTab = (label: string): string =>
  `.lm-DockPanel-tabBar .lm-TabBar-tab:has-text("${label}")`;

/** A dataset card and its parts. */
export const datasetCard = `${threadView} .jp-vista-dataset-card`;
export const datasetToggle = '.jp-vista-dataset-toggle';
export const columnsTable = '.jp-vista-columns-table';
export const downloadOriginal = '.jp-vista-download-original';
/** How the kernel holds the dataset (pandas or DuckDB), and what a DuckDB holding means. */
export const datasetMode = '.jp-vista-dataset-mode';
export const datasetModeNote = '.jp-vista-dataset-mode-note';

/** The file browser's context menu entry. */
export const analyzeMenuItem =
  '.lm-Menu-item[data-command="vista:analyze-file"]';

/** Messages of the chat. */
export const userMessage = `${threadView} .jp-vista-user`;
export const assistantMessage = `${threadView} .jp-vista-assistant`;
export const liveAnswer = `${threadView} .jp-vista-live`;
export const chatScroll = `${threadView} .jp-vista-chat-scroll`;
export const figure = 'img.jp-vista-figure';
export const step = '.jp-vista-step';
export const insertCode = '.jp-vista-insert-code';
export const insertFigure = '.jp-vista-insert-figure';

/** The upload progress of the new-analysis page and its Cancel button. */
export const uploadProgress = `${sidebar} .jp-vista-upload`;
export const cancelUpload = `${sidebar} .jp-vista-cancel-upload`;
/** While the server reads the file: its phase and elapsed time. */
export const readingDetail = `${sidebar} .jp-vista-reading-detail`;
export const uploadsEndpoint = 'vista/api/uploads';

/** The question box, its send button and the status line. */
export const questionInput = `${threadView} .jp-vista-input`;
export const sendButton = `${threadView} .jp-vista-send`;
export const statusLine = `${threadView} .jp-vista-statusline`;
export const modelSelect = `${threadView} .jp-vista-model-select`;
export const stopButton = `${threadView} .jp-vista-stop`;
export const retryButton = `${threadView} .jp-vista-retry`;
export const turnError = `${threadView} .jp-vista-turn-error`;
/** An answer by the status of its turn ('done', 'cancelled', 'error', ...). */
export const answerWithStatus = (status: string): string =>
  `${threadView} .jp-vista-assistant.jp-vista-status-${status}`;

/** Thread list actions and the delete confirmation dialog. */
export const renameButton = '.jp-vista-rename-button';
export const renameInput = '.jp-vista-rename-input';
export const deleteButton = '.jp-vista-delete-button';
export const dialogAccept =
  '.jp-Dialog .jp-mod-accept, .jp-Dialog .jp-mod-warn';

/** Thread page header buttons. */
export const threadHeader = `${threadView} .jp-vista-header`;
export const exportButton = `${threadView} .jp-vista-export`;
export const backButton = `${sidebar} .jp-vista-back`;
export const openElsewhere = '.jp-vista-open-elsewhere';

/** A figure's enlarged view and its download. */
export const figureZoom = '.jp-vista-figure-zoom';
export const figureDialog = '.jp-Dialog.jp-vista-figure-dialog';
export const figureDownload = '.jp-vista-figure-download';
export const codeToggle = '.jp-vista-code-toggle';

/** The offline analyst banner. */
export const offlineBanner = `${threadView} .jp-vista-offline-banner`;

/** Suggested questions (chips) under an answer or a new analysis. */
export const suggestion = `${threadView} .jp-vista-suggestion`;

/** Notebook parts. */
export const notebookCell = '.jp-Notebook .jp-Cell';
export const notebookOutputImage = '.jp-Notebook .jp-OutputArea-output img';
export const notebookMarkdownImage = '.jp-Notebook .jp-MarkdownCell img';
/** Error tracebacks and stderr text (warnings) of the notebook's outputs. */
export const notebookStderr =
  '.jp-Notebook .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]';

/** Long histories: the chat's window of messages and the list's pages. */
export const messageBySeq = (seq: number): string =>
  `${threadView} [data-seq="${seq}"]`;
export const chatMessages = `${threadView} .jp-vista-messages`;
export const loadOlder = `${threadView} .jp-vista-load-older`;
export const jumpToLatest = `${threadView} .jp-vista-jump-latest`;
export const loadEarlier = `${threadView} .jp-vista-load-earlier`;
export const threadList = `${sidebar} .jp-vista-list-view`;
export const moreThreads = `${sidebar} .jp-vista-more-threads`;
export const threadCount = '.jp-vista-thread-count';

/** REST paths (relative to the server root). */
export const threadsEndpoint = 'vista/api/threads';
export const readingsEndpoint = 'vista/api/readings';
export const infoEndpoint = 'vista/api/info';
