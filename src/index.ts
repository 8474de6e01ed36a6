/**
 * Vista for Jupyter: the JupyterLab frontend plugin.
 */
import {
  ILabShell,
  ILayoutRestorer,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { PathExt } from '@jupyterlab/coreutils';
import { IDocumentManager } from '@jupyterlab/docmanager';
import { IDefaultFileBrowser, IFileBrowserFactory } from '@jupyterlab/filebrowser';
import { INotebookTracker } from '@jupyterlab/notebook';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import { VistaClient } from './api';
import { vistaIcon } from './icons';
import { DATA_EXTENSIONS } from './newanalysis';
import { NotebookBridge } from './notebook';
import {
  DEFAULT_REFRESH_INTERVAL,
  DEFAULT_SETTINGS,
  IVistaSettings,
  TRANSLATION_DOMAIN,
  VistaSidebar
} from './sidebar';

export * from './api';
export { VistaSidebar } from './sidebar';

/** The plugin id; its settings schema is `schema/plugin.json`. */
const PLUGIN_ID = 'vista-jupyter:plugin';

/** Every command Vista registers. */
export namespace CommandIDs {
  export const open = 'vista:open';
  export const newAnalysis = 'vista:new-analysis';
  export const exportNotebook = 'vista:export-notebook';
  export const downloadBundle = 'vista:download-notebook-bundle';
  export const analyzeFile = 'vista:analyze-file';
}

/** Rank of the Vista tab in the left sidebar. */
const SIDEBAR_RANK = 600;


const plugin: JupyterFrontEndPlugin<void> = {
  id: PLUGIN_ID,
  description:
    'Vista for Jupyter: a sidebar to analyse data by asking questions in plain language.',
  autoStart: true,
  requires: [ILabShell, IRenderMimeRegistry],
  optional: [
    ILayoutRestorer,
    ISettingRegistry,
    ITranslator,
    ICommandPalette,
    INotebookTracker,
    IDocumentManager,
    IFileBrowserFactory,
    IDefaultFileBrowser
  ],
  activate: (
    app: JupyterFrontEnd,
    labShell: ILabShell,
    rendermime: IRenderMimeRegistry,
    restorer: ILayoutRestorer | null,
    settingRegistry: ISettingRegistry | null,
    translator: ITranslator | null,
    palette: ICommandPalette | null,
    notebooks: INotebookTracker | null,
    docManager: IDocumentManager | null,
    browserFactory: IFileBrowserFactory | null,
    defaultBrowser: IDefaultFileBrowser | null
  ): void => {
    const trans = (translator ?? nullTranslator).load(TRANSLATION_DOMAIN);
    const client = new VistaClient(app.serviceManager.serverSettings);
    const sidebar = new VistaSidebar({
      client,
      rendermime,
      bridge: new NotebookBridge(
        app,
        notebooks,
        docManager,
        () => defaultBrowser?.model.path ?? ''
      ),
      translator: translator ?? nullTranslator,
      refreshInterval: DEFAULT_REFRESH_INTERVAL
    });

    labShell.add(sidebar, 'left', { rank: SIDEBAR_RANK });
    if (restorer) {
      restorer.add(sidebar, sidebar.id);
    }

    const { commands } = app;
    const category = trans.__('Vista');

    commands.addCommand(CommandIDs.open, {
      label: trans.__('Open Vista'),
      caption: trans.__('Show the Vista sidebar'),
      icon: args => (args.isPalette ? undefined : vistaIcon),
      execute: () => {
        labShell.activateById(sidebar.id);
      }
    });

    commands.addCommand(CommandIDs.newAnalysis, {
      label: trans.__('New Vista Analysis'),
      caption: trans.__('Analyse a data file or an example dataset with Vista'),
      execute: () => {
        labShell.activateById(sidebar.id);
        sidebar.showNew();
      }
    });

    commands.addCommand(CommandIDs.exportNotebook, {
      label: trans.__('Open Vista Analysis as Notebook'),
      caption: trans.__('Save the open analysis as a notebook and open it'),
      isEnabled: () => sidebar.currentThread !== null,
      execute: () => sidebar.exportCurrent()
    });

    commands.addCommand(CommandIDs.downloadBundle, {
      label: trans.__('Download Vista Analysis (Notebook and Data)'),
      caption: trans.__('Download the open analysis as a zip'),
      isEnabled: () => sidebar.currentThread !== null,
      execute: () => sidebar.downloadCurrent()
    });

    const selectedFile = (): string | null => {
      const browser = browserFactory?.tracker.currentWidget;
      if (!browser) {
        return null;
      }
      const item = browser.selectedItems().next();
      if (item.done || !item.value || item.value.type === 'directory') {
        return null;
      }
      return item.value.path;
    };
    const isDataFile = (path: string | null): boolean =>
      !!path && DATA_EXTENSIONS.includes(PathExt.extname(path).toLowerCase());

    commands.addCommand(CommandIDs.analyzeFile, {
      label: trans.__('Analyze with Vista'),
      caption: trans.__('Start a Vista analysis of this file'),
      icon: args => (args.isPalette ? undefined : vistaIcon),
      isVisible: () => isDataFile(selectedFile()),
      execute: async args => {
        const path = (args.path as string | undefined) ?? selectedFile();
        if (!path) {
          return;
        }
        labShell.activateById(sidebar.id);
        await sidebar.startFrom({ path }, PathExt.basename(path));
      }
    });

    sidebar.currentChanged.connect(() => {
      commands.notifyCommandChanged(CommandIDs.exportNotebook);
      commands.notifyCommandChanged(CommandIDs.downloadBundle);
    });

    if (browserFactory) {
      app.contextMenu.addItem({
        command: CommandIDs.analyzeFile,
        selector: '.jp-DirListing-item[data-isdir="false"]',
        rank: 3
      });
    }

    if (palette) {
      for (const command of [
        CommandIDs.open,
        CommandIDs.newAnalysis,
        CommandIDs.exportNotebook,
        CommandIDs.downloadBundle
      ]) {
        palette.addItem({ command, category });
      }
    }

    if (settingRegistry) {
      const applySettings = (settings: ISettingRegistry.ISettings): void => {
        sidebar.refreshInterval = settings.get('refreshInterval')
          .composite as number;
        const value: IVistaSettings = {
          model: String(settings.get('model').composite ?? DEFAULT_SETTINGS.model),
          autoOverview:
            (settings.get('autoOverview').composite as boolean | undefined) ??
            DEFAULT_SETTINGS.autoOverview,
          language:
            (settings.get('language').composite as IVistaSettings['language']) ??
            DEFAULT_SETTINGS.language
        };
        sidebar.settings = value;
      };
      settingRegistry
        .load(PLUGIN_ID)
        .then(settings => {
          applySettings(settings);
          settings.changed.connect(applySettings);
        })
        .catch(reason => {
          console.error('Vista: failed to load settings.', reason);
        });
    }
  }
};

export default plugin;
