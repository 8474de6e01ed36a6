"""Vista for Jupyter: a JupyterLab extension to analyse data in plain language."""

try:
    from ._version import __version__
except ImportError:  # running from a source tree that was never built
    __version__ = "0.0.0.dev0"


def read_table(path, *, types=True, sheet=None):  # noqa: ANN001, ANN201 - see ingest.read_table
    """Read a data file exactly as Vista does (see `vista_jupyter.ingest.read_table`)."""
    from .ingest import read_table as _read_table

    return _read_table(path, types=types, sheet=sheet)


def _jupyter_labextension_paths() -> list[dict[str, str]]:
    return [{"src": "labextension", "dest": "vista-jupyter"}]


def _jupyter_server_extension_points() -> list[dict[str, object]]:
    from .app import VistaApp

    return [{"module": "vista_jupyter", "app": VistaApp}]
