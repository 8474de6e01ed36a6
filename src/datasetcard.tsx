/**
 * The dataset card: size, columns (kind, missing, distinct, range or top
 * values), sample rows and a download of the original file.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import {
  downloadIcon,
  ToolbarButtonComponent
} from '@jupyterlab/ui-components';
import * as React from 'react';

import { IColumnProfile, IDataset, IDatasetDetail, VistaClient } from './api';
import { Caret } from './render';
import { describeError } from './session';

/** Save a blob under a file name through a temporary object URL. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 30000);
}

/**
 * A dataset with its profile, fetched again while the profile is pending
 * (the server computes it after the dataset is read): `onDetail` gets the
 * pending card first, then the full profile. Stops when `alive` says so.
 */
export async function followDataset(
  client: VistaClient,
  threadId: string,
  datasetId: string,
  alive: () => boolean,
  onDetail: (detail: IDatasetDetail) => void
): Promise<void> {
  let wait = 500;
  for (;;) {
    const detail = await client.dataset(threadId, datasetId);
    if (!alive()) {
      return;
    }
    onDetail(detail);
    if (!detail.profile.pending) {
      return;
    }
    await new Promise(resolve => window.setTimeout(resolve, wait));
    wait = Math.min(wait * 2, 4000);
    if (!alive()) {
      return;
    }
  }
}

/**
 * Which dataset cards are open, per thread, for this page's life: a card
 * keeps its state when the thread view is built again (going back to the
 * list and returning, the thread opened in the main area, a re-render while
 * a new thread settles).
 */
const openCards = new Map<string, Map<string, boolean>>();

function cardOpen(threadId: string, datasetId: string): boolean | undefined {
  return openCards.get(threadId)?.get(datasetId);
}

function rememberCard(threadId: string, datasetId: string, open: boolean) {
  let cards = openCards.get(threadId);
  if (!cards) {
    cards = new Map();
    openCards.set(threadId, cards);
  }
  cards.set(datasetId, open);
}

/** Every dataset of a thread, each as a collapsible card. */
export function DatasetCards(props: {
  client: VistaClient;
  threadId: string;
  trans: TranslationBundle;
  expanded: boolean;
  /** Changes when the thread's datasets may have changed. */
  version: string;
}): JSX.Element | null {
  const { client, threadId, trans } = props;
  const [datasets, setDatasets] = React.useState<IDataset[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    let live = true;
    client
      .datasets(threadId)
      .then(list => live && setDatasets(list))
      .catch(e => live && setError(describeError(e)));
    return () => {
      live = false;
    };
  }, [client, threadId, props.version]);

  if (error) {
    return (
      <div className="jp-vista-error" role="alert">
        {trans.__('Could not load the datasets: %1', error)}
      </div>
    );
  }
  if (!datasets || datasets.length === 0) {
    return null;
  }
  return (
    <div className="jp-vista-datasets">
      {datasets.map(dataset => (
        <DatasetCard
          key={dataset.id}
          client={client}
          threadId={threadId}
          dataset={dataset}
          trans={trans}
          initiallyExpanded={props.expanded}
        />
      ))}
    </div>
  );
}

function DatasetCard(props: {
  client: VistaClient;
  threadId: string;
  dataset: IDataset;
  trans: TranslationBundle;
  initiallyExpanded: boolean;
}): JSX.Element {
  const { client, threadId, dataset, trans } = props;
  const [expanded, setExpandedState] = React.useState(
    () => cardOpen(threadId, dataset.id) ?? props.initiallyExpanded
  );
  const setExpanded = (open: boolean): void => {
    rememberCard(threadId, dataset.id, open);
    setExpandedState(open);
  };
  const [detail, setDetail] = React.useState<IDatasetDetail | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [downloading, setDownloading] = React.useState(false);
  const bodyId = `jp-vista-dataset-${dataset.id}`;

  React.useEffect(() => {
    if (!expanded) {
      return;
    }
    let live = true;
    followDataset(client, threadId, dataset.id, () => live, setDetail).catch(
      e => live && setError(describeError(e))
    );
    return () => {
      live = false;
    };
  }, [expanded, client, threadId, dataset.id]);

  const download = async (): Promise<void> => {
    setDownloading(true);
    try {
      const file = await client.downloadOriginal(threadId, dataset);
      saveBlob(file.blob, file.filename);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setDownloading(false);
    }
  };

  const format = String(dataset.detected?.format ?? '');
  return (
    <section
      className="jp-vista-dataset-card"
      data-dataset-id={dataset.id}
      aria-label={trans.__('Dataset %1', dataset.name)}
    >
      <div className="jp-vista-dataset-header">
        <button
          type="button"
          className="jp-vista-dataset-toggle"
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={() => setExpanded(!expanded)}
        >
          <Caret open={expanded} />
          <span className="jp-vista-dataset-name">{dataset.name}</span>
          <span className="jp-vista-dataset-size">
            {trans.__(
              '%1 rows × %2 columns',
              dataset.rows.toLocaleString(),
              dataset.columns.toLocaleString()
            )}
          </span>
          <ModeBadge dataset={dataset} trans={trans} />
        </button>
        <ToolbarButtonComponent
          className="jp-vista-download-original"
          icon={downloadIcon}
          tooltip={trans.__('Download original (%1)', dataset.original_name)}
          enabled={!downloading}
          onClick={() => void download()}
        />
      </div>
      {expanded && (
        <div className="jp-vista-dataset-body" id={bodyId}>
          <p className="jp-vista-dataset-facts">
            {trans.__('File: %1', dataset.original_name)}
            {format && ` · ${format}`}
            {` · ${trans.__('in code: %1', dataset.var_name)}`}
          </p>
          {dataset.mode === 'duckdb' && (
            <p className="jp-vista-dataset-mode-note">
              {trans.__(
                'Too large for pandas in the analysis kernel\'s memory (about %1 as a DataFrame), so it is held in DuckDB: %2 is a view queried in SQL with sql("SELECT … FROM %2"), and %3 a pandas sample of it. Answers are computed over every row.',
                formatBytes(dataset.dataframe_bytes ?? 0),
                dataset.var_name,
                dataset.sample_var ?? `${dataset.var_name}_sample`
              )}
            </p>
          )}
          {dataset.warnings.length > 0 && (
            <ul className="jp-vista-dataset-warnings">
              {dataset.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
          {error && (
            <div className="jp-vista-error" role="alert">
              {error}
            </div>
          )}
          {!detail && !error && (
            <p className="jp-vista-status">{trans.__('Loading…')}</p>
          )}
          {detail?.profile.pending && (
            <p className="jp-vista-status jp-vista-profile-pending">
              {trans.__(
                'Describing the columns… (kinds, distinct values and ranges follow)'
              )}
            </p>
          )}
          {detail && <ColumnsTable detail={detail} trans={trans} />}
          {detail && detail.profile.sample.length > 0 && (
            <SampleTable detail={detail} trans={trans} />
          )}
        </div>
      )}
    </section>
  );
}

/**
 * How the analysis kernel holds the dataset: pandas (a DataFrame) or DuckDB
 * (a view over its Parquet file, for data too large for pandas there).
 */
function ModeBadge(props: {
  dataset: IDataset;
  trans: TranslationBundle;
}): JSX.Element | null {
  const { dataset, trans } = props;
  if (dataset.mode !== 'pandas' && dataset.mode !== 'duckdb') {
    return null;
  }
  const duckdb = dataset.mode === 'duckdb';
  return (
    <span
      className={`jp-vista-dataset-mode jp-vista-dataset-mode-${dataset.mode}`}
      data-mode={dataset.mode}
      title={
        duckdb
          ? trans.__(
              "Held in DuckDB: too large for pandas in the kernel's memory"
            )
          : trans.__('Loaded into the kernel as a pandas DataFrame')
      }
    >
      {duckdb ? trans.__('DuckDB') : trans.__('pandas')}
    </span>
  );
}

/** 1536 -> "1.5 KB", 5.2e9 -> "4.8 GB" (binary units, as the server counts). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0
    ? `${value} ${units[0]}`
    : `${value.toLocaleString(undefined, { maximumFractionDigits: 1 })} ${units[unit]}`;
}

function ColumnsTable(props: {
  detail: IDatasetDetail;
  trans: TranslationBundle;
}): JSX.Element {
  const { detail, trans } = props;
  return (
    <div className="jp-vista-table-wrap">
      <table className="jp-vista-table jp-vista-columns-table">
        <caption className="jp-vista-table-caption">
          {trans.__('Columns')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{trans.__('Name')}</th>
            <th scope="col">{trans.__('Kind')}</th>
            <th scope="col">{trans.__('Missing')}</th>
            <th scope="col">{trans.__('Distinct')}</th>
            <th scope="col">{trans.__('Range / top values')}</th>
          </tr>
        </thead>
        <tbody>
          {detail.profile.column_profiles.map(column => (
            <tr key={column.name}>
              <th scope="row">{column.name}</th>
              <td>
                <span className={`jp-vista-kind jp-vista-kind-${column.kind}`}>
                  {kindLabel(column.kind, trans)}
                </span>
              </td>
              <td className="jp-vista-num">
                {column.nulls > 0 ? column.nulls.toLocaleString() : '—'}
              </td>
              <td className="jp-vista-num">
                {column.distinct === null
                  ? '…'
                  : column.distinct.toLocaleString()}
              </td>
              <td className="jp-vista-range">{rangeText(column)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SampleTable(props: {
  detail: IDatasetDetail;
  trans: TranslationBundle;
}): JSX.Element {
  const { detail, trans } = props;
  const columns = detail.profile.column_profiles.map(c => c.name);
  const rows = detail.profile.sample.slice(0, 5);
  return (
    <div className="jp-vista-table-wrap">
      <table className="jp-vista-table jp-vista-sample-table">
        <caption className="jp-vista-table-caption">
          {trans.__('Sample rows')}
        </caption>
        <thead>
          <tr>
            {columns.map(c => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map(c => (
                <td key={c}>{cellText(row[c])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function kindLabel(kind: string, trans: TranslationBundle): string {
  switch (kind) {
    case 'numeric':
      return trans.__('number');
    case 'categorical':
      return trans.__('category');
    case 'datetime':
      return trans.__('date/time');
    case 'boolean':
      return trans.__('yes/no');
    case 'identifier':
      return trans.__('identifier');
    case 'text':
      return trans.__('text');
    default:
      return kind;
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    return formatNumber(value);
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
}

/**
 * A data value for people: digits grouped only from five digits on (so
 * years and codes such as 1970 stay as written, counts such as 3,000,000
 * are grouped), at most three decimals.
 */
export function formatNumber(value: number): string {
  return value.toLocaleString(undefined, {
    maximumFractionDigits: 3,
    useGrouping: Math.abs(value) >= 10000
  });
}

function rangeText(column: IColumnProfile): string {
  if (column.min !== undefined && column.min !== null) {
    const fmt = (v: unknown): string =>
      typeof v === 'number' ? formatNumber(v) : String(v);
    return `${fmt(column.min)} – ${fmt(column.max)}`;
  }
  if (column.top && column.top.length > 0) {
    return column.top
      .slice(0, 3)
      .map(t => `${cellText(t.value)} (${t.count.toLocaleString()})`)
      .join(', ');
  }
  return '';
}
