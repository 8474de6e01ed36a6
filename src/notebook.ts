/**
 * Putting Vista's work into notebooks: a code cell with its outputs, or a
 * figure, below the active cell of the current notebook (or a new one).
 */
import { JupyterFrontEnd } from '@jupyterlab/application';
import { IDocumentManager } from '@jupyterlab/docmanager';
import * as nbformat from '@jupyterlab/nbformat';
import { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';

import { IVistaOutput } from './api';

/** What the chat can do with notebooks and files. */
export interface INotebookBridge {
  /**
   * Insert a code cell with outputs below the active cell.
   *
   * @param code - the cell source.
   * @param outputs - nbformat outputs (figures already inlined).
   * @returns the notebook's path.
   */
  insertCode(code: string, outputs: nbformat.IOutput[]): Promise<string>;
  /**
   * Insert a figure as a Markdown cell with the image as an attachment.
   *
   * @param data - base64 image bytes.
   * @param mime - the image MIME type.
   * @returns the notebook's path.
   */
  insertFigure(data: string, mime: string): Promise<string>;
  /** Open a workspace file (e.g. an exported notebook). */
  open(path: string): Promise<void>;
}

/** The bridge over JupyterLab's notebook tracker and commands. */
export class NotebookBridge implements INotebookBridge {
  constructor(
    private _app: JupyterFrontEnd,
    private _tracker: INotebookTracker | null,
    private _docManager: IDocumentManager | null
  ) {}

  async insertCode(code: string, outputs: nbformat.IOutput[]): Promise<string> {
    const cell: nbformat.ICodeCell = {
      cell_type: 'code',
      source: code,
      metadata: {},
      execution_count: null,
      outputs
    };
    return this._insert(cell);
  }

  async insertFigure(data: string, mime: string): Promise<string> {
    const ext = mime.split('/')[1]?.split('+')[0] ?? 'png';
    const name = `vista-figure.${ext}`;
    const cell: nbformat.IMarkdownCell = {
      cell_type: 'markdown',
      source: `![figure](attachment:${name})`,
      metadata: {},
      attachments: { [name]: { [mime]: data } as any }
    };
    return this._insert(cell);
  }

  async open(path: string): Promise<void> {
    if (this._docManager) {
      this._docManager.openOrReveal(path);
    } else {
      await this._app.commands.execute('docmanager:open', { path });
    }
  }

  private async _insert(cell: nbformat.ICell): Promise<string> {
    const panel = await this._notebook();
    const notebook = panel.content;
    const model = notebook.model;
    if (!model) {
      throw new Error('The notebook is not ready.');
    }
    const index =
      model.cells.length === 0 ? 0 : Math.max(notebook.activeCellIndex, -1) + 1;
    model.sharedModel.insertCell(index, cell as any);
    notebook.activeCellIndex = index;
    this._app.shell.activateById(panel.id);
    void notebook.scrollToItem(index);
    return panel.context.path;
  }

  /** The current notebook, or a new one. */
  private async _notebook(): Promise<NotebookPanel> {
    const current = this._tracker?.currentWidget;
    if (current) {
      await current.context.ready;
      return current;
    }
    const panel = (await this._app.commands.execute('notebook:create-new', {
      kernelName: 'python3'
    })) as NotebookPanel;
    await panel.context.ready;
    // A fresh notebook holds one empty cell: replace it rather than append.
    const model = panel.content.model;
    if (
      model &&
      model.cells.length === 1 &&
      model.cells.get(0).sharedModel.getSource() === ''
    ) {
      model.sharedModel.deleteCell(0);
    }
    return panel;
  }
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
