"""Checks rs29 (docs 001-030, merged from rs29a and rs29b): evidence occurs verbatim in its doc ('[rel] ' prefix
stripped), adcodes exist in the gazetteer, names match the gazetteer entry, kinds valid, sources/meta consistent,
>=4 traditional, >=4 undated, urls new (not in realset, realset2 … realset27, or the parallel set rs28a/rs28b),
at most 2 articles per host, and no doc has the same text (or the same first 200 characters) as another doc in
this set or in those sets."""
import csv, pathlib, sys
R = pathlib.Path(__file__).resolve().parent.parent
gaz = {r["adcode"]: r["name"] for r in csv.DictReader(open(pathlib.Path("/work/main/data/gazetteer.csv"), encoding="utf-8"))}
KINDS = {"pairing_start", "agreement", "team_arrival", "funding", "park", "visit", "other"}
bad = 0
docs = {p.stem: p.read_text(encoding="utf-8") for p in sorted((R / "docs").glob("*.txt"))}
gold = list(csv.DictReader(open(R / "gold_events.csv", encoding="utf-8")))
for i, r in enumerate(gold, 2):
    ev = r["evidence"]
    ev = ev[6:] if ev.startswith("[rel] ") else ev
    if r["doc"] not in docs: print("line", i, "no doc", r["doc"]); bad += 1; continue
    if ev not in docs[r["doc"]]: print("line", i, r["doc"], "evidence not found:", ev[:40]); bad += 1
    for side in ("donor", "recipient"):
        c = r[side + "_adcode"]
        if c:
            if len(c) != 12 or c[6:] != "000000" or c[:6] not in gaz:
                print("line", i, "bad adcode", c); bad += 1
            elif gaz[c[:6]] != r[side]:
                print("line", i, f"name {r[side]} != gazetteer {gaz[c[:6]]}"); bad += 1
    if r["kind"] not in KINDS: print("line", i, "bad kind", r["kind"]); bad += 1
    for k, lo, hi in (("year", 1949, 2026), ("month", 1, 12), ("day", 1, 31)):
        if r[k] and not (r[k].isdigit() and lo <= int(r[k]) <= hi): print("line", i, "bad", k, r[k]); bad += 1
src = list(csv.DictReader(open(R / "sources.csv", encoding="utf-8")))
meta = list(csv.DictReader(open(R / "meta.csv", encoding="utf-8")))
assert [s["doc"] for s in src] == sorted(docs), "sources.csv docs != docs/"
assert [m["doc"] for m in meta] == [d + ".txt" for d in sorted(docs)], "meta.csv docs != docs/"
for s, m in zip(src, meta):
    if s["publication_date"] != m["publication_date"] or s["url"] != m["url"]:
        print("sources/meta mismatch", s["doc"]); bad += 1
SETS = [pathlib.Path("/work/shared/realset")] + [pathlib.Path(f"/work/main/tests/data/realset{i}") for i in range(2, 28)] \
    + [pathlib.Path("/work/helpers/rs28a"), pathlib.Path("/work/helpers/rs28b")]
olds = [d / "sources.csv" for d in SETS]
old = {r["url"] for f in olds if f.exists() for r in csv.DictReader(open(f, encoding="utf-8"))} - {""}
for s in src:
    if s["url"] and s["url"] in old: print("url already in realset…realset27 or rs28a/rs28b", s["doc"]); bad += 1
import collections
hosts = collections.Counter(s["url"].split("/")[2] for s in src if s["url"])
for h, n in hosts.items():
    if n > 2: print("more than 2 articles from", h); bad += 1
if len({s["url"] for s in src}) != len(src): print("duplicate url"); bad += 1
norm = lambda t: "".join(t.split())
mine = {d: norm(t) for d, t in docs.items()}
for d, t in mine.items():
    for e, u in mine.items():
        if d < e and (t == u or t[:200] == u[:200]): print("duplicate text", d, e); bad += 1
for sd in SETS:
    for p in sorted((sd / "docs").glob("*.txt")):
        u = norm(p.read_text(encoding="utf-8"))
        for d, t in mine.items():
            if t == u or t[:200] == u[:200]: print("same text as", p, d); bad += 1
nogold = sorted(set(docs) - {r["doc"] for r in gold if r["donor_adcode"] and r["recipient_adcode"]})
trad = sum(s["script"] == "traditional" for s in src)
undated = sum(not s["publication_date"] for s in src)
pairs = {(r["doc"], r["donor_adcode"][:6], r["recipient_adcode"][:6]) for r in gold if r["donor_adcode"] and r["recipient_adcode"]}
short = [d for d, t in docs.items() if len(t) < 400]
print(f"{len(docs)} docs, {len(gold)} rows, {len(pairs)} scored place pairs, traditional {trad}, undated {undated}, "
      f"docs without a scored pair {nogold}, docs < 400 chars {short}, problems {bad}")
sys.exit(1 if bad or trad < 4 or undated < 4 else 0)
