/**
 * Starting an analysis: a file (picker or drag and drop, uploaded with
 * progress and Cancel), a file already in the workspace, or one of the
 * example datasets.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import {
  caretLeftIcon,
  fileUploadIcon,
  ToolbarButtonComponent
} from '@jupyterlab/ui-components';
import * as React from 'react';

import { IExample } from './api';

/**
 * Extensions of the files Vista offers to analyse, in the picker and the
 * file browser's context menu (the server reads by content, not by name).
 */
export const DATA_EXTENSIONS = [
  '.csv',
  '.tsv',
  '.txt',
  '.xlsx',
  '.parquet',
  '.json',
  '.jsonl',
  '.gz',
  '.zip'
];

/** An upload or dataset read in progress. */
export interface IStartState {
  /** The file being sent, or the example being read. */
  label: string;
  /** Bytes sent / total, while uploading; null once the server reads it. */
  progress: { loaded: number; total: number } | null;
  /** Cancel the transfer while uploading, or the server's reading after it. */
  cancel: (() => void) | null;
  /** The server's reading: phase, bytes done / total, seconds elapsed. */
  reading?: IReadingProgress | null;
}

/** What the server reports of a reading (see `IReading` in api.ts). */
export interface IReadingProgress {
  phase: string;
  loaded: number;
  total: number;
  elapsed: number;
}

/** "1:05" or "42 s". */
function elapsedText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s < 60
    ? `${s} s`
    : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export interface INewAnalysisProps {
  trans: TranslationBundle;
  examples: IExample[] | null;
  korean: boolean;
  starting: IStartState | null;
  error: string | null;
  onBack: () => void;
  onFile: (file: File) => void;
  /** Pick a data file of the workspace (null: no workspace picker). */
  onWorkspaceFile: (() => void) | null;
  onExample: (example: IExample) => void;
}

/** The "new analysis" page of the sidebar. */
export function NewAnalysisView(props: INewAnalysisProps): JSX.Element {
  const { trans, starting, examples } = props;
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = React.useState(false);
  const busy = starting !== null;

  const reading = starting?.progress ? null : (starting?.reading ?? null);
  const shown = starting?.progress ?? reading;
  const percent =
    shown && shown.total > 0 && (!reading || reading.phase !== 'waiting')
      ? Math.min(100, Math.round((100 * shown.loaded) / shown.total))
      : null;
  const phases: Record<string, string> = {
    waiting: trans.__('waiting for a free reader'),
    expanding: trans.__('unpacking'),
    decoding: trans.__('converting the text encoding'),
    checking: trans.__('checking'),
    reading: trans.__('reading'),
    profiling: trans.__('describing the columns')
  };

  return (
    <div className="jp-vista-panel jp-vista-new-view">
      <header className="jp-vista-header">
        <ToolbarButtonComponent
          className="jp-vista-back"
          icon={caretLeftIcon}
          tooltip={trans.__('Back to the list of analyses')}
          onClick={props.onBack}
        />
        <h2 className="jp-vista-title jp-vista-title-grow">
          {trans.__('New analysis')}
        </h2>
      </header>
      <div className="jp-vista-scroll">
        <section
          className={`jp-vista-dropzone${dragging ? ' jp-mod-dropTarget' : ''}${
            busy ? ' jp-mod-busy' : ''
          }`}
          aria-label={trans.__('Upload a data file')}
          onDragOver={event => {
            if (!busy && event.dataTransfer.types.includes('Files')) {
              event.preventDefault();
              event.stopPropagation();
              setDragging(true);
            }
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={event => {
            setDragging(false);
            const file = event.dataTransfer.files[0];
            if (file && !busy) {
              event.preventDefault();
              event.stopPropagation();
              props.onFile(file);
            }
          }}
        >
          <fileUploadIcon.react
            tag="div"
            className="jp-vista-dropzone-icon"
            width="32px"
            height="32px"
          />
          <p className="jp-vista-dropzone-text">
            {trans.__('Drop a data file here')}
          </p>
          <p className="jp-vista-dropzone-hint">
            {trans.__(
              'CSV, TSV, Excel (.xlsx), Parquet, JSON, or these zipped'
            )}
          </p>
          <button
            type="button"
            className="jp-Button jp-mod-styled jp-mod-accept jp-vista-choose-file"
            disabled={busy}
            onClick={() => fileInput.current?.click()}
          >
            {trans.__('Choose a file…')}
          </button>
          {props.onWorkspaceFile && (
            <button
              type="button"
              className="jp-Button jp-mod-styled jp-vista-workspace-file"
              disabled={busy}
              onClick={props.onWorkspaceFile}
            >
              {trans.__('From the workspace…')}
            </button>
          )}
          <input
            ref={fileInput}
            type="file"
            className="jp-vista-file-input"
            accept={DATA_EXTENSIONS.join(',')}
            aria-label={trans.__('Data file to analyse')}
            tabIndex={-1}
            onChange={event => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) {
                props.onFile(file);
              }
            }}
          />
        </section>

        {starting && (
          <div className="jp-vista-upload" aria-live="polite">
            <div className="jp-vista-upload-label">
              {starting.progress
                ? trans.__('Uploading %1…', starting.label)
                : trans.__('Reading %1…', starting.label)}
              {percent !== null && (
                <span className="jp-vista-upload-percent"> {percent}%</span>
              )}
            </div>
            {reading && (
              <div className="jp-vista-reading-detail">
                <span className="jp-vista-reading-phase">
                  {phases[reading.phase] ?? reading.phase}
                </span>
                {' · '}
                <span className="jp-vista-reading-elapsed">
                  {elapsedText(reading.elapsed)}
                </span>
              </div>
            )}
            <div className="jp-vista-upload-row">
              <progress
                className="jp-vista-progress"
                max={100}
                value={percent ?? undefined}
                aria-label={
                  starting.progress
                    ? trans.__('Upload progress')
                    : trans.__('Reading progress')
                }
              />
              {starting.cancel && (
                <button
                  type="button"
                  className="jp-Button jp-mod-styled jp-mod-reject jp-vista-cancel-upload"
                  onClick={starting.cancel}
                >
                  {trans.__('Cancel')}
                </button>
              )}
            </div>
          </div>
        )}

        {props.error && (
          <div className="jp-vista-error" role="alert">
            <span className="jp-vista-error-title">
              {trans.__('Could not start the analysis:')}
            </span>{' '}
            <span className="jp-vista-error-message">{props.error}</span>
          </div>
        )}

        <section
          className="jp-vista-examples"
          aria-label={trans.__('Example datasets')}
        >
          <h3 className="jp-vista-section-title">
            {trans.__('Or try an example')}
          </h3>
          {examples === null ? (
            <p className="jp-vista-status">{trans.__('Loading…')}</p>
          ) : (
            <ul className="jp-vista-example-list">
              {examples.map(example => (
                <li key={example.id}>
                  <button
                    type="button"
                    className="jp-vista-example"
                    data-example-id={example.id}
                    disabled={busy}
                    onClick={() => props.onExample(example)}
                    title={example.attribution}
                  >
                    <span className="jp-vista-example-title">
                      {example.title}
                    </span>
                    <span className="jp-vista-example-description">
                      {props.korean && example.description_ko
                        ? example.description_ko
                        : example.description}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
