"""Vista for Jupyter: a JupyterLab extension to analyse data in plain language."""

try:
    from ._version import __version__
except ImportError:  # running from a source tree that was never built
    __version__ = "0.0.0.dev0"


def _jupyter_labextension_paths() -> list[dict[str, str]]:
    return [{"src": "labextension", "dest": "vista-jupyter"}]


def _jupyter_server_extension_points() -> list[dict[str, object]]:
    from .app import VistaApp

    return [{"module": "vista_jupyter", "app": VistaApp}]
