"""What an adcode says by its digits: ``XX0000`` a province, ``XXXX00`` a prefecture, else a county-level unit
(the first two digits the province, the first four the prefecture). Used wherever the events stage compares
places by adcode (parties, direction, assembly, learned pairs)."""

from __future__ import annotations

__all__ = ["depth", "level", "holds", "related", "up"]

_LEVELS = ("prov", "pref", "county")


def depth(adcode: str) -> int:
    """0 for a province, 1 for a prefecture, 2 for a county-level unit."""
    code = adcode[:6]
    return 0 if code.endswith("0000") else 1 if code.endswith("00") else 2


def level(adcode: str) -> str:
    """``prov``, ``pref`` or ``county``."""
    return _LEVELS[depth(adcode)]


def holds(x: str, y: str) -> bool:
    """True when the unit of adcode ``x`` holds that of ``y`` (a province its cities and counties, a city its
    counties); never for the same unit, nor for an empty code."""
    x, y = x[:6], y[:6]
    if not x or not y or x == y:
        return False
    if x.endswith("0000"):
        return y.startswith(x[:2])
    return x.endswith("00") and y.startswith(x[:4])


def related(x: str, y: str) -> bool:
    """Two adcodes of one line of places: the same place, or one holds the other."""
    if not (x[:6].isdigit() and y[:6].isdigit()):
        return False
    return x[:6] == y[:6] or holds(x, y) or holds(y, x)


def up(adcode: str) -> tuple[str, str, str]:
    """The place and the units that hold it (county → prefecture → province)."""
    code = adcode[:6]
    return code, code[:4] + "00", code[:2] + "0000"
