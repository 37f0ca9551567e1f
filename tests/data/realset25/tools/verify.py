"""Checks this set (rs25 = rs25a + rs25b merged; adapted from realset2's tools/verify.py): evidence occurs verbatim
in its doc ('[rel] ' prefix stripped), adcodes exist in the gazetteer, names match the gazetteer entry, kinds and
dates valid, sources/meta consistent, no url already in realset…realset23 or in the sibling set built at the same
time (rs24a/rs24b or rs24), no doc whose text repeats another doc of this set or of those sets, >=4 traditional,
>=4 undated, <=2 docs per host."""
import csv, pathlib, sys, collections, urllib.parse
R = pathlib.Path(__file__).resolve().parent.parent
# the gazetteer: data/gazetteer.csv of the repository this folder sits in, else the main checkout
GAZ = next((p / "data" / "gazetteer.csv" for p in R.parents if (p / "data" / "gazetteer.csv").exists()),
           pathlib.Path("/work/main/data/gazetteer.csv"))
gaz = {r["adcode"]: r["name"] for r in csv.DictReader(open(GAZ, encoding="utf-8"))}
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
# urls of the earlier sets (realset, realset2 … realset23), wherever they are found
DATA = [p for p in [pathlib.Path("/work/main/tests/data")] + [q / "tests" / "data" for q in R.parents] if p.is_dir()]
olds = [pathlib.Path("/work/shared/realset/sources.csv")] + [d / f"realset{n}" / "sources.csv" for d in DATA[:1] for n in ["", *range(2, 24)]]
# the other new set built at the same time (rs24a/rs24b while in /work/helpers, or rs24/realset24 later)
SIB = [R.parent / n for n in ("rs24a", "rs24b", "rs24")] + [d / "realset24" for d in DATA[:1]]
olds += [d / "sources.csv" for d in SIB if d.resolve() != R]
old = set()
for f in olds:
    if f.exists():
        old |= {r.get("url", "") for r in csv.DictReader(open(f, encoding="utf-8"))}
old -= {""}
for s in src:
    if s["url"] and s["url"] in old: print("url already in an earlier set", s["doc"]); bad += 1
# duplicate texts (whitespace ignored): inside this set, and against the earlier sets' and the sibling set's docs
norm = lambda t: "".join(t.split())
seen = {}
for d, t in docs.items():
    if norm(t) in seen: print("doc", d, "repeats doc", seen[norm(t)]); bad += 1
    seen.setdefault(norm(t), d)
others = [p for f in olds if f.exists() for p in sorted((f.parent / "docs").glob("*.txt"))]
for p in others:
    t = norm(p.read_text(encoding="utf-8", errors="replace"))
    if t in seen: print("doc", seen[t], "repeats", p); bad += 1
hosts = collections.Counter(urllib.parse.urlsplit(s["url"]).hostname for s in src if s["url"])
for h, n in hosts.items():
    if n > 2: print("more than 2 docs from host", h); bad += 1
nogold = sorted(set(docs) - {r["doc"] for r in gold if r["donor_adcode"] and r["recipient_adcode"]})
trad = sum(s["script"] == "traditional" for s in src)
undated = sum(not s["publication_date"] for s in src)
pairs = {(r["doc"], r["donor_adcode"][:6], r["recipient_adcode"][:6]) for r in gold if r["donor_adcode"] and r["recipient_adcode"]}
short = [d for d, t in docs.items() if len(t) < 400]
print(f"{len(docs)} docs, {len(gold)} rows, {len(pairs)} scored place pairs, traditional {trad}, undated {undated}, "
      f"docs without a scored pair {nogold}, docs < 400 chars {short}, earlier urls checked {len(old)}, earlier docs checked {len(others)}, problems {bad}")
sys.exit(1 if bad or trad < 4 or undated < 4 else 0)
