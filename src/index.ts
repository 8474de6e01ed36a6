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
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';

import { VistaClient } from './api';
import { vistaIcon } from './icons';
import {
  DEFAULT_REFRESH_INTERVAL,
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
}

/** Rank of the Vista tab in the left sidebar. */
const SIDEBAR_RANK = 600;

const plugin: JupyterFrontEndPlugin<void> = {
  id: PLUGIN_ID,
  description: 'Vista for Jupyter: a sidebar listing your data analyses.',
  autoStart: true,
  requires: [ILabShell],
  optional: [ILayoutRestorer, ISettingRegistry, ITranslator, ICommandPalette],
  activate: (
    app: JupyterFrontEnd,
    labShell: ILabShell,
    restorer: ILayoutRestorer | null,
    settingRegistry: ISettingRegistry | null,
    translator: ITranslator | null,
    palette: ICommandPalette | null
  ): void => {
    const trans = (translator ?? nullTranslator).load(TRANSLATION_DOMAIN);
    const client = new VistaClient(app.serviceManager.serverSettings);
    const sidebar = new VistaSidebar({
      client,
      translator: translator ?? nullTranslator,
      refreshInterval: DEFAULT_REFRESH_INTERVAL
    });

    labShell.add(sidebar, 'left', { rank: SIDEBAR_RANK });
    if (restorer) {
      restorer.add(sidebar, sidebar.id);
    }

    app.commands.addCommand(CommandIDs.open, {
      label: trans.__('Open Vista'),
      caption: trans.__('Show the Vista sidebar'),
      icon: args => (args.isPalette ? undefined : vistaIcon),
      execute: () => {
        labShell.activateById(sidebar.id);
      }
    });
    if (palette) {
      palette.addItem({ command: CommandIDs.open, category: 'Vista' });
    }

    if (settingRegistry) {
      const applySettings = (settings: ISettingRegistry.ISettings): void => {
        sidebar.refreshInterval = settings.get('refreshInterval')
          .composite as number;
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
