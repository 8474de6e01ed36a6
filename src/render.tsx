/**
 * React views over JupyterLab's renderers: Markdown prose, outputs and code,
 * always untrusted (sanitized), and figures fetched with authentication.
 */
import { Dialog } from '@jupyterlab/apputils';
import { IRenderMimeRegistry, MimeModel } from '@jupyterlab/rendermime';
import { TranslationBundle } from '@jupyterlab/translation';
import { caretDownIcon, caretRightIcon } from '@jupyterlab/ui-components';
import * as React from 'react';

import { IVistaOutput } from './api';

/** Render a MIME bundle with the registry; never trusted. */
export function MimeBundleView(props: {
  rendermime: IRenderMimeRegistry;
  data: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  className?: string;
}): JSX.Element | null {
  const { rendermime, data, metadata, className } = props;
  const host = React.useRef<HTMLDivElement>(null);
  // `ensure`: only renderers safe for untrusted data (HTML is sanitized).
  const mimeType = rendermime.preferredMimeType(data as any, 'ensure');
  const renderer = React.useMemo(
    () => (mimeType ? rendermime.createRenderer(mimeType) : null),
    [rendermime, mimeType]
  );

  React.useEffect(() => {
    const node = host.current;
    if (!node || !renderer) {
      return;
    }
    node.appendChild(renderer.node);
    return () => {
      if (renderer.node.parentNode === node) {
        node.removeChild(renderer.node);
      }
    };
  }, [renderer]);

  React.useEffect(() => {
    if (!renderer) {
      return;
    }
    const model = new MimeModel({
      data: data as any,
      metadata: (metadata ?? {}) as any,
      trusted: false
    });
    void renderer.renderModel(model).catch(error => {
      console.warn('Vista: could not render output', error);
    });
  }, [renderer, data, metadata]);

  React.useEffect(() => () => renderer?.dispose(), [renderer]);

  if (!mimeType) {
    return null;
  }
  return (
    <div
      ref={host}
      className={`jp-vista-mime ${className ?? ''}`}
      data-mime-type={mimeType}
    />
  );
}

/** Markdown prose (sanitized). Re-renders at most every 80 ms while streaming. */
export function MarkdownView(props: {
  rendermime: IRenderMimeRegistry;
  source: string;
  className?: string;
}): JSX.Element {
  const { rendermime, source } = props;
  const [shown, setShown] = React.useState(source);
  // At most one render per 80 ms, of the newest text: a timer restarted by
  // every piece would never fire while a fast model streams (a piece every
  // 10 ms), and the answer would stand still until it ended.
  const latest = React.useRef(source);
  latest.current = source;
  const stale = source !== shown;
  React.useEffect(() => {
    if (!stale) {
      return;
    }
    const timer = window.setTimeout(() => setShown(latest.current), 80);
    return () => window.clearTimeout(timer);
  }, [shown, stale]);
  const data = React.useMemo(() => ({ 'text/markdown': shown }), [shown]);
  return (
    <MimeBundleView
      rendermime={rendermime}
      data={data}
      className={`jp-vista-markdown ${props.className ?? ''}`}
    />
  );
}

/** Python source, syntax-highlighted by the Markdown renderer. */
export function CodeView(props: {
  rendermime: IRenderMimeRegistry;
  code: string;
}): JSX.Element {
  const fence = props.code.includes('```') ? '~~~~' : '```';
  const data = React.useMemo(
    () => ({ 'text/markdown': `${fence}python\n${props.code}\n${fence}` }),
    [props.code, fence]
  );
  return (
    <MimeBundleView
      rendermime={props.rendermime}
      data={data}
      className="jp-vista-code"
    />
  );
}

/** A figure, fetched with authentication and shown from an object URL. */
export function ArtifactImage(props: {
  load: () => Promise<string>;
  alt: string;
  /** The file name a download of the figure gets. */
  fileName: string;
  trans: TranslationBundle;
}): JSX.Element {
  const { trans } = props;
  const [url, setUrl] = React.useState<string | null>(null);
  const [failed, setFailed] = React.useState(false);
  React.useEffect(() => {
    let live = true;
    props
      .load()
      .then(u => live && setUrl(u))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [props.load]);
  if (failed) {
    return (
      <p className="jp-vista-figure-missing">
        {trans.__('This figure could not be loaded.')}
      </p>
    );
  }
  if (!url) {
    return (
      <div
        className="jp-vista-figure-loading"
        aria-label={trans.__('Loading figure…')}
      />
    );
  }
  return (
    <button
      type="button"
      className="jp-vista-figure-zoom"
      title={trans.__('Enlarge')}
      aria-label={trans.__('Enlarge figure: %1', props.alt)}
      onClick={() => void showFigure(url, props.alt, props.fileName, trans)}
    >
      <img className="jp-vista-figure" src={url} alt={props.alt} />
    </button>
  );
}

/** The figure at full size in a dialog, with a download. */
async function showFigure(
  url: string,
  alt: string,
  fileName: string,
  trans: TranslationBundle
): Promise<void> {
  const body = (
    <div className="jp-vista-figure-full">
      <img src={url} alt={alt} />
      <a
        className="jp-Button jp-mod-styled jp-mod-accept jp-vista-figure-download"
        href={url}
        download={fileName}
      >
        {trans.__('Download')}
      </a>
    </div>
  );
  const dialog = new Dialog({
    title: alt,
    body,
    buttons: [Dialog.cancelButton({ label: trans.__('Close') })]
  });
  dialog.addClass('jp-vista-figure-dialog');
  await dialog.launch();
  dialog.dispose();
}

/** A title as a file name: no folders or reserved characters. */
export function figureFileName(title: string | null, mime: string): string {
  const ext = mime.split('/')[1]?.split('+')[0] ?? 'png';
  const stem = (title ?? '')
    // eslint-disable-next-line no-control-regex -- control characters are what it removes
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return `${stem || 'figure'}.${ext}`;
}

/**
 * A figure's title, from its text form (Vista's kernels describe a
 * matplotlib figure by its titles); null for an untitled figure.
 */
export function figureTitle(output: IVistaOutput): string | null {
  const text = output.data?.['text/plain'];
  const value = (
    Array.isArray(text) ? text.join('') : String(text ?? '')
  ).trim();
  // matplotlib's own text form says nothing about the picture.
  if (!value || /^<(Figure|matplotlib)\b.*>$/s.test(value)) {
    return null;
  }
  return value;
}

/** One nbformat output (stream, result, display, error or figure). */
export function OutputView(props: {
  rendermime: IRenderMimeRegistry;
  output: IVistaOutput;
  loadArtifact: (id: string) => Promise<string>;
  trans: TranslationBundle;
  actions?: (output: IVistaOutput) => React.ReactNode;
}): JSX.Element | null {
  const { rendermime, output, trans } = props;
  const load = React.useCallback(
    () => props.loadArtifact(output.artifact!.id),
    [output.artifact?.id]
  );
  const bundle = React.useMemo(() => outputBundle(output), [output]);

  if (output.artifact) {
    return (
      <figure className="jp-vista-output jp-vista-output-figure">
        <ArtifactImage
          load={load}
          alt={figureTitle(output) ?? trans.__('Figure')}
          fileName={figureFileName(
            figureTitle(output),
            output.artifact.mime_type
          )}
          trans={trans}
        />
        {props.actions && (
          <figcaption className="jp-vista-figure-actions">
            {props.actions(output)}
          </figcaption>
        )}
      </figure>
    );
  }
  if (!bundle) {
    return null;
  }
  return (
    <div className={`jp-vista-output jp-vista-output-${output.output_type}`}>
      <MimeBundleView rendermime={rendermime} data={bundle} />
    </div>
  );
}

/** The MIME bundle an output shows. */
function outputBundle(output: IVistaOutput): Record<string, unknown> | null {
  const join = (text: string | string[] | undefined): string =>
    Array.isArray(text) ? text.join('') : (text ?? '');
  switch (output.output_type) {
    case 'stream':
      return output.name === 'stderr'
        ? { 'application/vnd.jupyter.stderr': join(output.text) }
        : { 'application/vnd.jupyter.stdout': join(output.text) };
    case 'error': {
      const text =
        output.traceback && output.traceback.length
          ? output.traceback.join('\n')
          : `${output.ename ?? 'Error'}: ${output.evalue ?? ''}`;
      return { 'application/vnd.jupyter.stderr': text };
    }
    case 'execute_result':
    case 'display_data':
      return (output.data as Record<string, unknown>) ?? null;
    default:
      return null;
  }
}

/** The disclosure caret of a collapsible section. */
export function Caret(props: { open: boolean }): JSX.Element {
  const icon = props.open ? caretDownIcon : caretRightIcon;
  return <icon.react tag="span" className="jp-vista-caret" />;
}
