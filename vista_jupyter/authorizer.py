"""An authorizer that keeps each person's Vista kernels to themselves on a shared server.

Vista's own API is private per user (every row carries its owner). But Vista's analysis kernels
are ordinary Jupyter kernels: on one server shared by several named identities
(`owner_rule = "username"`), Jupyter's kernel API would let any of them connect to another's
kernel and read its data (`print(df.to_csv())`), interrupt, restart or shut it down. Under
JupyterHub (one server per person) this cannot happen; on a shared server, configure

    c.ServerApp.authorizer_class = "vista_jupyter.authorizer.VistaKernelAuthorizer"

and every request that names a kernel Vista started for someone else (`/api/kernels/<id>`, its
actions and websocket, a session pointed at it) is refused with 403. Everything else is decided
by `inner_authorizer_class` (by default: allowed, as in a plain Jupyter server). The kernel list
(`GET /api/kernels`) still shows every kernel's id; contents, terminals and other users' own
kernels are not restricted by this class (see docs/admin-guide.md).
"""

from __future__ import annotations

import json
from typing import Any

from jupyter_server.auth.authorizer import AllowAllAuthorizer, Authorizer
from traitlets import Instance, Type, default

from .identity import owner_of

EXTENSION = "vista_jupyter"


class VistaKernelAuthorizer(Authorizer):
    """Refuses anyone but its owner access to a kernel Vista started; asks the inner
    authorizer about everything else."""

    inner_authorizer_class = Type(
        default_value=AllowAllAuthorizer,
        klass=Authorizer,
        config=True,
        help=(
            "The authorizer that decides every request this one does not refuse (by default, "
            "allow all authenticated requests, as jupyter_server does)."
        ),
    )

    inner = Instance(Authorizer)

    @default("inner")
    def _default_inner(self) -> Authorizer:
        return self.inner_authorizer_class(parent=self, identity_provider=self.identity_provider)

    def is_authorized(self, handler: Any, user: Any, action: str, resource: str) -> Any:
        """False for a request naming another owner's Vista kernel, else the inner answer."""
        if resource in ("kernels", "sessions"):
            kernel_id = _kernel_named(handler, resource)
            if kernel_id is not None and not _may_use(handler, user, kernel_id):
                handler.log.warning(
                    "Vista: %s may not use another person's analysis kernel %s",
                    getattr(user, "username", "?"),
                    kernel_id,
                )
                return False
        return self.inner.is_authorized(handler, user, action, resource)


def _kernel_named(handler: Any, resource: str) -> str | None:
    """The kernel id a request is about: in its path, or (sessions) in its JSON body."""
    kernel_id = (getattr(handler, "path_kwargs", None) or {}).get("kernel_id")
    if kernel_id or resource != "sessions":
        return kernel_id
    try:
        body = json.loads(handler.request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return None
    kernel = body.get("kernel") if isinstance(body, dict) else None
    value = kernel.get("id") if isinstance(kernel, dict) else None
    return value if isinstance(value, str) else None


def _may_use(handler: Any, user: Any, kernel_id: str) -> bool:
    apps = handler.serverapp.extension_manager.extension_apps.get(EXTENSION) or ()
    for app in apps:
        executor = getattr(app, "executor", None)
        owner = executor.kernel_owner(kernel_id) if executor is not None else None
        if owner is not None:
            return owner == owner_of(user, app.owner_rule, handler.identity_provider, app.server_owner)
    return True  # not a Vista kernel: not ours to decide
