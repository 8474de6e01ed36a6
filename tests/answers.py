"""Reading the offline analyst's answers in tests: the first line, the numbers stated, and whether
a value is among them (rounded as the answer rounds)."""

from __future__ import annotations

import re


def first_line(answer: str) -> str:
    return next(line for line in answer.splitlines() if line.strip())


def numbers(text: str) -> list[float]:
    return [float(x.replace(",", "")) for x in re.findall(r"-?\d[\d,]*(?:\.\d+)?", text)]


def states(text: str, value: float, digits: int = 2) -> bool:
    """Whether the text states `value` rounded to `digits` decimals (or to 3 significant digits)."""
    return any(abs(x - value) <= max(0.5 * 10**-digits, abs(value) * 0.0005) + 1e-9 for x in numbers(text))
