/**
 * Vista's settings as JupyterLab's settings editor shows them.
 *
 * JupyterLab's server translates a settings schema only from the language
 * pack's own catalogues, never from an extension's, so the schema asks for
 * a transform (`jupyter.lab.transform`) and this one translates its titles
 * and descriptions with Vista's own catalogue. It also turns the Model
 * setting into a choice among the models the server offers.
 */
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { TranslationBundle } from '@jupyterlab/translation';
import { PartialJSONObject } from '@lumino/coreutils';

import { IModelList } from './api';

/**
 * The plugin with its schema translated and its Model setting a choice.
 *
 * @param plugin - the plugin as fetched from the server.
 * @param trans - Vista's translations.
 * @param models - the models the server offers, if known.
 * @returns a copy of the plugin.
 */
export function translateSchema(
  plugin: ISettingRegistry.IPlugin,
  trans: TranslationBundle,
  models: IModelList | null
): ISettingRegistry.IPlugin {
  const schema = JSON.parse(
    JSON.stringify(plugin.schema)
  ) as ISettingRegistry.ISchema;
  const tr = (text: unknown): string | undefined =>
    typeof text === 'string' ? trans.__(text) : undefined;
  schema.title = tr(schema.title);
  schema.description = tr(schema.description);
  const properties = (schema.properties ?? {}) as Record<
    string,
    PartialJSONObject
  >;
  for (const property of Object.values(properties)) {
    property.title = tr(property.title) ?? property.title;
    property.description = tr(property.description) ?? property.description;
    if (Array.isArray(property.oneOf)) {
      for (const option of property.oneOf as PartialJSONObject[]) {
        option.title = tr(option.title) ?? option.title;
      }
    }
  }
  const model = properties.model;
  if (model && models) {
    const chosen = (plugin.data?.user as PartialJSONObject | undefined)?.model;
    const options: PartialJSONObject[] = [
      {
        const: '',
        title: trans.__(
          'The server’s default (%1)',
          labelOf(models, models.default)
        )
      },
      ...models.models.map(m => ({ const: m.id, title: m.label }))
    ];
    // A model the administrator no longer offers stays valid (it would
    // otherwise make every Vista setting fail to load); the server refuses it.
    if (
      typeof chosen === 'string' &&
      chosen &&
      !models.models.some(m => m.id === chosen)
    ) {
      options.push({
        const: chosen,
        title: trans.__('%1 (no longer offered)', chosen)
      });
    }
    model.oneOf = options;
  }
  return { ...plugin, schema };
}

function labelOf(models: IModelList, id: string): string {
  return models.models.find(m => m.id === id)?.label ?? id;
}
