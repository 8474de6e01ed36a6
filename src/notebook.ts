/**
 * Putting Vista's work into notebooks: a code cell with its outputs, or a
 * figure, below the active cell of the current notebook (or in a new one).
 *
 * Code copied out of an analysis needs what the analysis kernel had, so the
 * first code inserted into a notebook from an analysis comes with a set-up
 * cell (imports, a font that draws Korean, the data copied beside the
 * notebook) marked in its metadata: once per notebook and dataset.
 */
import { JupyterFrontEnd } from '@jupyterlab/application';
import { IDocumentManager } from '@jupyterlab/docmanager';
import * as nbformat from '@jupyterlab/nbformat';
import {
  INotebookModel,
  INotebookTracker,
  NotebookPanel
} from '@jupyterlab/notebook';
import { nullTranslator, TranslationBundle } from '@jupyterlab/translation';
import { UUID } from '@lumino/coreutils';

import { INotebookSetup, IVistaOutput } from './api';

/** Where the set-up cell of an analysis comes from. */
export interface ISetupSource {
  /**
   * The set-up cell for a notebook (the server copies the data beside it).
   *
   * @param notebookPath - workspace path of the notebook.
   */
  load(notebookPath: string): Promise<INotebookSetup>;
}

/** What the chat can do with notebooks and files. */
export interface INotebookBridge {
  /**
   * Insert a code cell with outputs below the active cell, preceded by the
   * analysis's set-up cell if the notebook does not have it yet.
   *
   * @param code - the cell source.
   * @param outputs - nbformat outputs (figures already inlined).
   * @param setup - the analysis's set-up cell.
   * @returns the notebook's path.
   */
  insertCode(
    code: string,
    outputs: nbformat.IOutput[],
    setup: ISetupSource
  ): Promise<string>;
  /**
   * Insert a figure as a Markdown cell with the image as an attachment.
   *
   * @param data - base64 image bytes.
   * @param mime - the image MIME type.
   * @param title - the figure's title (its alt text).
   * @returns the notebook's path.
   */
  insertFigure(data: string, mime: string, title: string): Promise<string>;
  /** Open a workspace file (e.g. an exported notebook). */
  open(path: string): Promise<void>;
}

/** The metadata key marking Vista's set-up cells. */
const SETUP_KEY = 'vista';

/** The bridge over JupyterLab's notebook tracker, contents and documents. */
export class NotebookBridge implements INotebookBridge {
  /**
   * @param _app - the application.
   * @param _tracker - the notebook tracker (the current notebook).
   * @param _docManager - opens documents.
   * @param _cwd - the folder new notebooks go to (the file browser's).
   * @param _trans - Vista's translations (for the errors it shows).
   */
  constructor(
    private _app: JupyterFrontEnd,
    private _tracker: INotebookTracker | null,
    private _docManager: IDocumentManager | null,
    private _cwd: () => string = () => '',
    private _trans: TranslationBundle = nullTranslator.load('vista_jupyter')
  ) {}

  async insertCode(
    code: string,
    outputs: nbformat.IOutput[],
    setup: ISetupSource
  ): Promise<string> {
    const cell: nbformat.ICodeCell = {
      id: UUID.uuid4(),
      cell_type: 'code',
      source: code,
      metadata: {},
      execution_count: null,
      outputs
    };
    const withSetup = async (
      path: string,
      model: INotebookModel | null
    ): Promise<nbformat.ICell[]> => {
      const cells: nbformat.ICell[] = [];
      const setupCell = await setup.load(path);
      if (!model || !hasSetup(model, setupCell)) {
        cells.push({
          id: UUID.uuid4(),
          cell_type: 'code',
          source: setupCell.code,
          metadata: {
            [SETUP_KEY]: {
              setup: { thread: setupCell.thread, datasets: setupCell.datasets }
            }
          },
          execution_count: null,
          outputs: []
        });
      }
      cells.push(cell);
      return cells;
    };
    const panel = await this._current();
    if (!panel) {
      return this._createNotebook(path => withSetup(path, null));
    }
    return this._insert(
      panel,
      await withSetup(panel.context.path, panel.content.model)
    );
  }

  async insertFigure(
    data: string,
    mime: string,
    title: string
  ): Promise<string> {
    const ext = mime.split('/')[1]?.split('+')[0] ?? 'png';
    const name = `vista-figure.${ext}`;
    // Markdown image text: brackets and line breaks would end it early.
    const alt = title.replace(/[[\]\\\n\r]+/g, ' ').trim() || 'figure';
    const cell: nbformat.IMarkdownCell = {
      id: UUID.uuid4(),
      cell_type: 'markdown',
      source: `![${alt}](attachment:${name})`,
      metadata: {},
      attachments: { [name]: { [mime]: data } as any }
    };
    const panel = await this._current();
    if (!panel) {
      return this._createNotebook(async () => [cell]);
    }
    return this._insert(panel, [cell]);
  }

  async open(path: string): Promise<void> {
    if (this._docManager) {
      this._docManager.openOrReveal(path);
    } else {
      await this._app.commands.execute('docmanager:open', { path });
    }
  }

  /** Insert cells below the active cell of an open notebook. */
  private _insert(panel: NotebookPanel, cells: nbformat.ICell[]): string {
    const notebook = panel.content;
    const model = notebook.model;
    if (!model) {
      throw new Error(this._trans.__('The notebook is not ready.'));
    }
    const index =
      model.cells.length === 0 ? 0 : Math.max(notebook.activeCellIndex, -1) + 1;
    model.sharedModel.insertCells(index, cells as any);
    const last = index + cells.length - 1;
    notebook.activeCellIndex = last;
    this._app.shell.activateById(panel.id);
    void notebook.scrollToItem(last);
    return panel.context.path;
  }

  /** The current notebook, ready, if any. */
  private async _current(): Promise<NotebookPanel | null> {
    const current = this._tracker?.currentWidget ?? null;
    if (current) {
      await current.context.ready;
    }
    return current;
  }

  /**
   * A new notebook written with its cells, then opened. Writing it whole
   * (rather than editing a fresh notebook's empty cell away) leaves nothing
   * for the notebook's first rendering to trip over.
   */
  private async _createNotebook(
    cells: (path: string) => Promise<nbformat.ICell[]>
  ): Promise<string> {
    const contents = this._app.serviceManager.contents;
    const created = await contents.newUntitled({
      path: this._cwd(),
      type: 'notebook'
    });
    try {
      const content: nbformat.INotebookContent = {
        cells: await cells(created.path),
        metadata: {
          kernelspec: {
            name: 'python3',
            display_name: 'Python 3',
            language: 'python'
          },
          language_info: { name: 'python' }
        },
        nbformat: 4,
        nbformat_minor: 5
      };
      await contents.save(created.path, {
        type: 'notebook',
        format: 'json',
        content
      });
    } catch (error) {
      // Leave no empty "Untitled" behind a failed insert.
      await contents.delete(created.path).catch(() => undefined);
      throw error;
    }
    const widget = this._docManager
      ? this._docManager.openOrReveal(created.path)
      : ((await this._app.commands.execute('docmanager:open', {
          path: created.path
        })) as NotebookPanel | undefined);
    if (widget) {
      await widget.context.ready;
      this._app.shell.activateById(widget.id);
    }
    return created.path;
  }
}

/** Whether the notebook already holds a set-up cell loading every dataset of `setup`. */
function hasSetup(model: INotebookModel, setup: INotebookSetup): boolean {
  const loaded = new Set<string>();
  for (let i = 0; i < model.cells.length; i++) {
    const meta = model.cells.get(i).sharedModel.getMetadata(SETUP_KEY) as
      { setup?: { datasets?: string[] } } | undefined;
    for (const id of meta?.setup?.datasets ?? []) {
      loaded.add(id);
    }
  }
  return setup.datasets.every(id => loaded.has(id));
}

/**
 * Outputs ready for a notebook: figures stored by Vista become inline images.
 *
 * @param outputs - the step's outputs.
 * @param loadFigure - reads an artifact as base64.
 * @returns nbformat outputs.
 */
export async function notebookOutputs(
  outputs: IVistaOutput[],
  loadFigure: (id: string) => Promise<{ data: string; mime: string }>
): Promise<nbformat.IOutput[]> {
  const result: nbformat.IOutput[] = [];
  for (const output of outputs) {
    const { artifact, ...rest } = output;
    if (artifact) {
      try {
        const figure = await loadFigure(artifact.id);
        result.push({
          output_type: 'display_data',
          data: { ...(rest.data ?? {}), [figure.mime]: figure.data } as any,
          metadata: {}
        });
      } catch {
        result.push({ ...(rest as any), metadata: rest.metadata ?? {} });
      }
    } else if (rest.output_type === 'execute_result') {
      result.push({
        ...(rest as any),
        execution_count: null,
        metadata: rest.metadata ?? {}
      });
    } else if (rest.output_type === 'display_data') {
      result.push({ ...(rest as any), metadata: rest.metadata ?? {} });
    } else {
      result.push(rest as any);
    }
  }
  return result;
}
