"""Keeping the server's secrets (the model API key, credentials in the model's base URL) away
from the analysis kernels and out of everything recorded from them.

Code that runs in a kernel is written by a model, and a model can be steered by the data it reads
(prompt injection), so the kernel is treated as untrusted with respect to the server's secrets:

- kernels start with an environment from which the model settings (`OPENAI_*`, `AZURE_*`,
  `VISTA_*` by default) and every variable holding a secret are removed;
- whatever a kernel prints or displays has every secret replaced by `[hidden]` before it becomes
  an event, is stored, exported or sent back to the model. Streamed text is redacted as it
  arrives, holding back only the few characters that could be the start of a secret split
  across two chunks.

This cannot stop code from reading a secret some other way (the server's config file, or
`/proc/<server pid>/environ` on Linux) and sending it elsewhere over the network; the admin
guide explains the set-ups in which the kernel never has the key at all.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

#: What a secret is replaced by.
HIDDEN = "[hidden]"
#: Shorter values are not treated as secrets: "none", "ollama" and other placeholders of
#: servers that need no key would otherwise be cut out of ordinary output.
MIN_SECRET_LENGTH = 8
#: Environment variables kernels never get (shell-style patterns).
DEFAULT_KERNEL_ENV_EXCLUDE = ("OPENAI_*", "AZURE_*", "VISTA_*")


def url_credentials(url: str) -> list[str]:
    """The user name and password written into `url` (`http://user:secret@host/`), if any."""
    try:
        parts = urlsplit(url or "")
    except ValueError:
        return []
    return [p for p in (parts.password, parts.username) if p]


class Secrets:
    """The values to keep out of kernels and records, and the kernel environment rule."""

    def __init__(self, values: Iterable[str] = (), *, kernel_env_exclude: Iterable[str] = DEFAULT_KERNEL_ENV_EXCLUDE):
        # Longest first, so a secret containing another is hidden whole.
        found = {v for v in values if v and len(v) >= MIN_SECRET_LENGTH}
        self.values = sorted(found, key=len, reverse=True)
        self.kernel_env_exclude = [p.upper() for p in kernel_env_exclude]

    @classmethod
    def of(
        cls,
        *,
        api_key: str = "",
        base_url: str = "",
        azure_endpoint: str = "",
        kernel_env_exclude: Iterable[str] = DEFAULT_KERNEL_ENV_EXCLUDE,
    ) -> Secrets:
        """The secrets of a model configuration."""
        values = [api_key, *url_credentials(base_url), *url_credentials(azure_endpoint)]
        return cls(values, kernel_env_exclude=kernel_env_exclude)

    # --- text -----------------------------------------------------------------------------------

    def redact(self, text: str) -> str:
        """`text` with every secret replaced by `[hidden]`."""
        for value in self.values:
            if value in text:
                text = text.replace(value, HIDDEN)
        return text

    def redact_data(self, data: Any) -> Any:
        """A JSON-like value with every string in it redacted (a copy; the input is unchanged)."""
        if not self.values:
            return data
        if isinstance(data, str):
            return self.redact(data)
        if isinstance(data, list):
            return [self.redact_data(v) for v in data]
        if isinstance(data, dict):
            return {k: self.redact_data(v) for k, v in data.items()}
        return data

    def _unsafe_tail(self, text: str) -> int:
        """How many characters at the end of `text` could be the start of a secret."""
        longest = 0
        for value in self.values:
            for n in range(min(len(value) - 1, len(text)), longest, -1):
                if text.endswith(value[:n]):
                    longest = n
                    break
        return longest

    # --- kernels --------------------------------------------------------------------------------

    def kernel_env(self, environ: Mapping[str, str]) -> dict[str, str]:
        """The environment a kernel starts with: `environ` without the model settings and
        without any variable whose value holds a secret."""
        env = {}
        for name, value in environ.items():
            if any(fnmatch.fnmatchcase(name.upper(), p) for p in self.kernel_env_exclude):
                continue
            if any(secret in value for secret in self.values):
                continue
            env[name] = value
        return env

    def guard(self, on_output: Callable[[dict[str, Any]], None] | None) -> OutputGuard:
        """A redacting wrapper around one execution's live output callback."""
        return OutputGuard(self, on_output)


class OutputGuard:
    """Redacts one execution's outputs: live (as they are passed on) and recorded (`close`)."""

    def __init__(self, secrets: Secrets, on_output: Callable[[dict[str, Any]], None] | None):
        self.secrets = secrets
        self.on_output = on_output
        self._held: dict[str, str] = {}  # stream name -> text that may be the start of a secret

    def emit(self, output: dict[str, Any]) -> None:
        """Pass one live output on, redacted."""
        if self.on_output is None:
            return
        if not self.secrets.values:
            self.on_output(output)
            return
        if output.get("output_type") == "stream":
            name = output.get("name", "stdout")
            text = self._held.pop(name, "") + output.get("text", "")
            text = self.secrets.redact(text)
            keep = self.secrets._unsafe_tail(text)
            if keep:
                self._held[name], text = text[-keep:], text[:-keep]
            if text:
                self.on_output({**output, "text": text})
            return
        self._flush()
        self.on_output(self.secrets.redact_data(output))

    def _flush(self) -> None:
        for name, text in list(self._held.items()):
            del self._held[name]
            if text and self.on_output is not None:
                self.on_output({"output_type": "stream", "name": name, "text": text})

    def close(self, result: Any) -> None:
        """Pass on what was held back, and redact the recorded result (an ExecutionResult) in place."""
        self._flush()
        if self.secrets.values:
            result.outputs = self.secrets.redact_data(result.outputs)
            result.error = self.secrets.redact_data(result.error)
