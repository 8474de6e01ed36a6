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

/** The button opening a thread from its row. */
export const threadOpen = '.jp-vista-thread-open';

/** The visible error state. */
export const errorState = '.jp-vista-error';

/** The "new analysis" button of the list header. */
export const newButton = `${sidebar} .jp-vista-new-button`;

/** The hidden file input of the new-analysis page. */
export const fileInput = `${sidebar} .jp-vista-file-input`;

/** An example dataset card of the gallery, by id. */
export const example = (id: string): string =>
  `${sidebar} .jp-vista-example[data-example-id="${id}"]`;

/** The chat page of a thread. */
export const threadView = `${sidebar} .jp-vista-thread-view`;

/** A dataset card and its parts. */
export const datasetCard = `${sidebar} .jp-vista-dataset-card`;
export const datasetToggle = '.jp-vista-dataset-toggle';
export const columnsTable = '.jp-vista-columns-table';
export const downloadOriginal = '.jp-vista-download-original';

/** The file browser's context menu entry. */
export const analyzeMenuItem =
  '.lm-Menu-item[data-command="vista:analyze-file"]';

/** Messages of the chat. */
export const userMessage = `${sidebar} .jp-vista-user`;
export const assistantMessage = `${sidebar} .jp-vista-assistant`;
export const liveAnswer = `${sidebar} .jp-vista-live`;
export const chatScroll = `${sidebar} .jp-vista-chat-scroll`;
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
export const questionInput = `${sidebar} .jp-vista-input`;
export const sendButton = `${sidebar} .jp-vista-send`;
export const statusLine = `${sidebar} .jp-vista-statusline`;
export const modelSelect = `${sidebar} .jp-vista-model-select`;
export const stopButton = `${sidebar} .jp-vista-stop`;
export const retryButton = `${sidebar} .jp-vista-retry`;
export const turnError = `${sidebar} .jp-vista-turn-error`;
/** An answer by the status of its turn ('done', 'cancelled', 'error', ...). */
export const answerWithStatus = (status: string): string =>
  `${sidebar} .jp-vista-assistant.jp-vista-status-${status}`;

/** Thread list actions and the delete confirmation dialog. */
export const renameButton = '.jp-vista-rename-button';
export const renameInput = '.jp-vista-rename-input';
export const deleteButton = '.jp-vista-delete-button';
export const dialogAccept = '.jp-Dialog .jp-mod-accept, .jp-Dialog .jp-mod-warn';

/** Thread page header buttons. */
export const exportButton = `${sidebar} .jp-vista-export`;
export const backButton = `${sidebar} .jp-vista-back`;

/** The offline analyst banner. */
export const offlineBanner = `${sidebar} .jp-vista-offline-banner`;

/** Notebook parts. */
export const notebookCell = '.jp-Notebook .jp-Cell';
export const notebookOutputImage = '.jp-Notebook .jp-OutputArea-output img';
export const notebookMarkdownImage = '.jp-Notebook .jp-MarkdownCell img';

/** REST paths (relative to the server root). */
export const threadsEndpoint = 'vista/api/threads';
