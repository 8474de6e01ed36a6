"""The Korean interface: every string the frontend shows is translatable and translated, and
JupyterLab serves Vista's catalogue with its own when its language is Korean."""

from __future__ import annotations

import re
from importlib.metadata import entry_points

from i18n_strings import SOURCES, catalogue, plural_strings, schema_strings, source_strings

PLACEHOLDER = re.compile(r"%\d")


def test_every_interface_string_has_a_korean_translation():
    wanted = source_strings() | schema_strings()
    assert len(wanted) > 100  # the extraction found the interface
    data = catalogue()
    have = {k for k in data if k}
    assert sorted(wanted - have) == [], "untranslated (python tests/i18n_strings.py)"
    assert sorted(have - wanted) == [], "stale entries"
    plurals = plural_strings()
    for msgid in wanted:
        # A plural needs its forms (Korean has one, given twice); a singular exactly one
        forms = data[msgid]
        assert len(forms) == (2 if msgid in plurals else 1), msgid
        translation = forms[0]
        assert translation.strip(), msgid
        # Every argument is placed, none invented
        assert sorted(PLACEHOLDER.findall(translation)) == sorted(PLACEHOLDER.findall(msgid)), msgid
    assert data[""]["domain"] == "vista_jupyter"


# Words in markup that bypass the translation bundle: a JSX text node, or a literal attribute a
# person reads (an ARIA label, a tooltip, a placeholder, a title).
_JSX_TEXT = re.compile(r"(?<![=-])>\s*([A-Za-z][^<>{}]*[A-Za-z.!?:…])\s*<")
_LITERAL_ATTRIBUTE = re.compile(r"\b(?:aria-label|title|placeholder|tooltip|label|alt)=\"([^\"]*[A-Za-z][^\"]*)\"")


def test_no_interface_text_bypasses_translation():
    leaks = []
    for path in sorted(SOURCES.glob("*.tsx")):
        text = path.read_text(encoding="utf-8")
        leaks += [(path.name, m.group(1)) for m in _JSX_TEXT.finditer(text)]
        leaks += [(path.name, m.group(1)) for m in _LITERAL_ATTRIBUTE.finditer(text)]
    assert leaks == []


def test_jupyterlab_serves_the_korean_catalogue():
    # What JupyterLab's GET /lab/api/translations/ko_KR answers: its own Korean (the language
    # pack) merged with every extension catalogue declared under the jupyterlab.locale entry point
    from jupyterlab_server.translation_utils import get_language_pack

    declared = {ep.name: ep.value for ep in entry_points(group="jupyterlab.locale")}
    assert declared.get("vista_jupyter") == "vista_jupyter"
    data, message = get_language_pack("ko_KR")
    assert not message.strip(), message
    assert data["vista_jupyter"]["New analysis"] == ["새 분석"]
    assert "jupyterlab" in data
