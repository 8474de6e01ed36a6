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
  /** Cancel the transfer (only while uploading). */
  cancel: (() => void) | null;
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

  const percent =
    starting?.progress && starting.progress.total > 0
      ? Math.round((100 * starting.progress.loaded) / starting.progress.total)
      : null;

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
            {trans.__('CSV, TSV, Excel (.xlsx), Parquet, JSON, or these zipped')}
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
              {percent !== null && starting.progress && (
                <span className="jp-vista-upload-percent"> {percent}%</span>
              )}
            </div>
            <div className="jp-vista-upload-row">
              <progress
                className="jp-vista-progress"
                max={100}
                value={percent ?? undefined}
                aria-label={trans.__('Upload progress')}
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
