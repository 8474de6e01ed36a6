"""Who owns a request: the rule that turns a Jupyter identity into a Vista owner.

jupyter_server's built-in token/password login has no user names. Every browser that logs in is
given an *anonymous* identity whose `username` is a fresh random uuid, remembered only in that
browser's login cookie (and a request carrying the token in a header gets a new one each time).
Keying history on that name would show the owner of a single-user JupyterLab an empty Vista in a
second browser, after the cookie expires, or from a script.

So the owner is:

* the identity's `username` whenever the identity provider really knows users (JupyterHub's
  single-user provider, or any provider that overrides `get_user`);
* the server's own user (the account running the server; `VistaApp.server_owner`) for the
  anonymous identities of jupyter_server's built-in login, which all belong to whoever started
  the server.

`VistaApp.owner_rule` selects this rule ("auto", the default) or forces one side ("username",
"server").
"""

from __future__ import annotations

import getpass
import os

from jupyter_server.auth.identity import IdentityProvider, User


def default_server_owner() -> str:
    """The name of the account running this server (its uid if the account has no name)."""
    try:
        return getpass.getuser()
    except Exception:  # no passwd entry, as in some containers
        return f"uid-{os.getuid()}"


def provider_names_users(provider: IdentityProvider | None) -> bool:
    """Whether an identity provider gives real user names.

    jupyter_server's own providers (`IdentityProvider`, `PasswordIdentityProvider`) authenticate
    with a shared token or password and mint anonymous identities; a provider that overrides
    `get_user` (JupyterHub's, or a deployment's own) identifies people.
    """
    if provider is None:
        return False
    return type(provider).get_user is not IdentityProvider.get_user


def owner_of(user: User | None, rule: str, provider: IdentityProvider | None, server_owner: str) -> str:
    """The Vista owner of a request made by `user` under `rule` ("auto", "username", "server")."""
    if user is None:
        raise ValueError("an authenticated user is required")
    if rule == "server":
        return server_owner
    if rule == "username" or provider_names_users(provider):
        return user.username
    return server_owner
