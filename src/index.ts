/**
 * Vista for Jupyter: the JupyterLab frontend plugin.
 *
 * A sidebar (the list of analyses, starting a new one), analyses in tabs of
 * the main area (restored with the layout), a Launcher card, commands, and
 * the settings (whose form is translated and offers the server's models).
 */
import {
  ILabShell,
  ILayoutRestorer,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ICommandPalette, WidgetTracker } from '@jupyterlab/apputils';
import { PathExt } from '@jupyterlab/coreutils';
import { IDocumentManager } from '@jupyterlab/docmanager';
import {
  FileDialog,
  IDefaultFileBrowser,
  IFileBrowserFactory
} from '@jupyterlab/filebrowser';
import { ILauncher } from '@jupyterlab/launcher';
import { INotebookTracker } from '@jupyterlab/notebook';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { IStateDB } from '@jupyterlab/statedb';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import { IThread, VistaClient } from './api';
import { analysisId, VistaAnalysis } from './analysis';
import {
  DEFAULT_SETTINGS,
  IVistaSettings,
  TRANSLATION_DOMAIN,
  VistaContext
} from './context';
import { vistaIcon } from './icons';
import { DATA_EXTENSIONS } from './newanalysis';
import { NotebookBridge } from './notebook';
import { translateSchema } from './schema';
import { VistaSidebar } from './sidebar';

export * from './api';
export { VistaSidebar } from './sidebar';

/** The plugin id; its settings schema is `schema/plugin.json`. */
const PLUGIN_ID = 'vista-jupyter:plugin';

/** Every command Vista registers. */
export namespace CommandIDs {
  export const open = 'vista:open';
  export const newAnalysis = 'vista:new-analysis';
  export const openAnalysis = 'vista:open-analysis';
  export const exportNotebook = 'vista:export-notebook';
  export const downloadBundle = 'vista:download-notebook-bundle';
  export const analyzeFile = 'vista:analyze-file';
}

/** Rank of the Vista tab in the left sidebar. */
const SIDEBAR_RANK = 600;

const plugin: JupyterFrontEndPlugin<void> = {
  id: PLUGIN_ID,
  description:
    'Vista for Jupyter: analyse data by asking questions in plain language.',
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
    IDefaultFileBrowser,
    ILauncher,
    IStateDB
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
    defaultBrowser: IDefaultFileBrowser | null,
    launcher: ILauncher | null,
    state: IStateDB | null
  ): void => {
    const context = new VistaContext({
      client: new VistaClient(app.serviceManager.serverSettings),
      rendermime,
      bridge: new NotebookBridge(
        app,
        notebooks,
        docManager,
        () => defaultBrowser?.model.path ?? '',
        (translator ?? nullTranslator).load(TRANSLATION_DOMAIN)
      ),
      translator: translator ?? nullTranslator
    });
    const trans = context.trans;
    const { commands } = app;

    // Analyses in the main area, restored with the layout.
    const tracker = new WidgetTracker<VistaAnalysis>({
      namespace: 'vista-analysis'
    });
    const openInMain = (thread: IThread | string, fresh = false): void => {
      const id = typeof thread === 'string' ? thread : thread.id;
      let widget = tracker.find(w => w.threadId === id);
      if (!widget) {
        widget = new VistaAnalysis(context, thread, fresh);
        void tracker.add(widget);
        labShell.add(widget, 'main');
      }
      labShell.activateById(widget.id);
    };

    const isDataFile = (path: string | null): boolean =>
      !!path && DATA_EXTENSIONS.includes(PathExt.extname(path).toLowerCase());
    // On JupyterHub the data is usually already on the server: pick it there.
    const pickWorkspaceFile = docManager
      ? async (): Promise<string | null> => {
          const result = await FileDialog.getOpenFiles({
            manager: docManager,
            title: trans.__('Analyse a file of the workspace'),
            filter: model =>
              model.type === 'directory' || isDataFile(model.path) ? {} : null,
            translator: translator ?? nullTranslator
          });
          const file = result.button.accept
            ? (result.value ?? []).find(model => model.type !== 'directory')
            : undefined;
          return file?.path ?? null;
        }
      : null;

    const sidebar = new VistaSidebar({
      context,
      openInMain,
      pickWorkspaceFile,
      state
    });
    labShell.add(sidebar, 'left', { rank: SIDEBAR_RANK });
    if (restorer) {
      restorer.add(sidebar, sidebar.id);
      void restorer.restore(tracker, {
        command: CommandIDs.openAnalysis,
        args: widget => ({ id: widget.threadId }),
        name: widget => widget.threadId
      });
    }
    void app.restored.then(() => sidebar.restore());

    /** The analysis the user works in: the current tab, else the sidebar's. */
    const currentThread = (): IThread | null => {
      const widget = tracker.currentWidget;
      if (widget && labShell.currentWidget === widget) {
        return widget.thread;
      }
      return sidebar.currentThread ?? widget?.thread ?? null;
    };

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
      icon: args => (args.isPalette ? undefined : vistaIcon),
      execute: () => {
        labShell.activateById(sidebar.id);
        sidebar.showNew();
      }
    });

    commands.addCommand(CommandIDs.openAnalysis, {
      label: trans.__('Open Vista Analysis'),
      caption: trans.__('Open an analysis in a tab'),
      execute: args => {
        const id = args.id as string | undefined;
        if (id) {
          openInMain(id);
          return tracker.find(w => w.threadId === id) ?? null;
        }
        return null;
      }
    });

    commands.addCommand(CommandIDs.exportNotebook, {
      label: trans.__('Open Vista Analysis as Notebook'),
      caption: trans.__('Save the open analysis as a notebook and open it'),
      isEnabled: () => currentThread() !== null,
      execute: async () => {
        const thread = currentThread();
        if (thread) {
          await context.exportThread(thread);
        }
      }
    });

    commands.addCommand(CommandIDs.downloadBundle, {
      label: trans.__('Download Vista Analysis (Notebook and Data)'),
      caption: trans.__('Download the open analysis as a zip'),
      isEnabled: () => currentThread() !== null,
      execute: async () => {
        const thread = currentThread();
        if (thread) {
          await context.downloadThread(thread);
        }
      }
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

    const notifyCommands = (): void => {
      commands.notifyCommandChanged(CommandIDs.exportNotebook);
      commands.notifyCommandChanged(CommandIDs.downloadBundle);
    };
    sidebar.currentChanged.connect(notifyCommands);
    tracker.currentChanged.connect(notifyCommands);
    labShell.currentChanged.connect(notifyCommands);

    if (browserFactory) {
      app.contextMenu.addItem({
        command: CommandIDs.analyzeFile,
        selector: '.jp-DirListing-item[data-isdir="false"]',
        rank: 3
      });
    }

    if (launcher) {
      launcher.add({
        command: CommandIDs.newAnalysis,
        // JupyterLab's own "Other" section, in JupyterLab's words.
        category: (translator ?? nullTranslator).load('jupyterlab').__('Other'),
        rank: 0
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
      // The settings form speaks the user's language and offers the models
      // the server lists (schema.ts); the schema asks for this transform.
      let transformed = false;
      const registerTransform = (): void => {
        if (transformed) {
          return;
        }
        transformed = true;
        settingRegistry.transform(PLUGIN_ID, {
          fetch: plugin => translateSchema(plugin, trans, context.models)
        });
      };
      const applySettings = (settings: ISettingRegistry.ISettings): void => {
        const value: IVistaSettings = {
          model: String(
            settings.get('model').composite ?? DEFAULT_SETTINGS.model
          ),
          autoOverview:
            (settings.get('autoOverview').composite as boolean | undefined) ??
            DEFAULT_SETTINGS.autoOverview,
          language:
            (settings.get('language')
              .composite as IVistaSettings['language']) ??
            DEFAULT_SETTINGS.language,
          openIn:
            (settings.get('openIn').composite as IVistaSettings['openIn']) ??
            DEFAULT_SETTINGS.openIn
        };
        context.settings = value;
      };
      void context
        .loadModels()
        .then(() => {
          registerTransform();
          return settingRegistry.load(PLUGIN_ID);
        })
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

export { analysisId, TRANSLATION_DOMAIN };
