"""The interface strings of Vista's frontend, as JupyterLab's translation catalogue sees them.

Every string the frontend shows goes through a translation bundle (`trans.__`, `trans._n`); the
settings schema's titles and descriptions are translated by the frontend too (src/schema.ts).
This module finds them all, for the catalogue test and for keeping the Korean catalogue current
(`python tests/i18n_strings.py` prints the missing and stale ones).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src"
SCHEMA = ROOT / "schema" / "plugin.json"
CATALOGUE = ROOT / "vista_jupyter" / "locale" / "ko_KR" / "LC_MESSAGES" / "vista_jupyter.json"

# A bundle of Vista's own domain, whatever the variable is called in a file.
_RECEIVER = r"(?<![\w.])(?:trans|this\._trans|props\.trans|context\.trans|this\._context\.trans)"
_STRING = r"""(?:'((?:\\.|[^'\\])*)'|"((?:\\.|[^"\\])*)")"""
_SINGULAR = re.compile(_RECEIVER + r"\.__\(\s*" + _STRING)
_PLURAL = re.compile(_RECEIVER + r"\._n\(\s*" + _STRING + r"\s*,\s*" + _STRING)


def _unescape(text: str) -> str:
    return json.loads('"' + text.replace('"', '\\"').replace("\\'", "'") + '"')


def plural_strings() -> set[str]:
    """msgids used with `_n` (JupyterLab looks plurals up only in entries of two or more forms)."""
    found: set[str] = set()
    for path in sorted(SOURCES.glob("*.ts*")):
        for match in _PLURAL.finditer(path.read_text(encoding="utf-8")):
            found.add(_unescape(match.group(1) if match.group(1) is not None else match.group(2)))
    return found


def source_strings() -> set[str]:
    """msgids of the TypeScript sources (a plural's key is its singular)."""
    found: set[str] = set()
    for path in sorted(SOURCES.glob("*.ts*")):
        text = path.read_text(encoding="utf-8")
        for match in _SINGULAR.finditer(text):
            found.add(_unescape(match.group(1) if match.group(1) is not None else match.group(2)))
        for match in _PLURAL.finditer(text):
            found.add(_unescape(match.group(1) if match.group(1) is not None else match.group(2)))
    return found


def schema_strings() -> set[str]:
    """Titles and descriptions of the settings schema."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    found = {schema["title"], schema["description"]}
    for prop in schema["properties"].values():
        found.update(v for k, v in prop.items() if k in ("title", "description"))
        found.update(option["title"] for option in prop.get("oneOf", []))
    return found


def catalogue() -> dict:
    return json.loads(CATALOGUE.read_text(encoding="utf-8"))


if __name__ == "__main__":
    wanted = source_strings() | schema_strings()
    have = {k for k in catalogue() if k}
    for s in sorted(wanted - have):
        print("MISSING", json.dumps(s, ensure_ascii=False))
    for s in sorted(have - wanted):
        print("STALE", json.dumps(s, ensure_ascii=False))
