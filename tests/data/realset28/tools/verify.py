"""Checks this set (rs28, docs 001-030; merged from rs28a and rs28b, adapted from realset2's checker):
evidence occurs verbatim in its doc ('[rel] ' prefix stripped), adcodes are 12 digits and in the gazetteer under the
name given, kinds and dates valid (a day needs a month), '[rel]' rows only in docs whose page shows a publication date,
sources/meta consistent, no two docs with the same text, no url already in realset, realset2..27 or in the sibling
set built at the same time (rs29a/rs29b, or the realset folders next to this one once moved), at most 2 articles per
host, >=4 traditional, >=4 undated.
Works from /work/helpers/rs28 or once copied under main/tests/data/realsetNN (paths are tried in that order)."""
import csv, glob, pathlib, sys
R = pathlib.Path(__file__).resolve().parent.parent
DATA = next(p for p in (R.parents[2] / "data", pathlib.Path("/work/main/data")) if (p / "gazetteer.csv").exists())
SETS = next(p for p in (R.parent, pathlib.Path("/work/main/tests/data")) if (p / "realset2").exists())
gaz = {r["adcode"]: r["name"] for r in csv.DictReader(open(DATA / "gazetteer.csv", encoding="utf-8"))}
KINDS = {"pairing_start", "agreement", "team_arrival", "funding", "park", "visit", "other"}
bad = 0
docs = {p.stem: p.read_text(encoding="utf-8") for p in sorted((R / "docs").glob("*.txt"))}
src = list(csv.DictReader(open(R / "sources.csv", encoding="utf-8")))
meta = list(csv.DictReader(open(R / "meta.csv", encoding="utf-8")))
dated = {s["doc"] for s in src if s["publication_date"]}
gold = list(csv.DictReader(open(R / "gold_events.csv", encoding="utf-8")))
for i, r in enumerate(gold, 2):
    ev = r["evidence"]
    rel = ev.startswith("[rel] ")
    ev = ev[6:] if rel else ev
    if r["doc"] not in docs: print("line", i, "no doc", r["doc"]); bad += 1; continue
    if not ev or ev not in docs[r["doc"]]: print("line", i, r["doc"], "evidence not found:", ev[:40]); bad += 1
    if rel and r["doc"] not in dated: print("line", i, r["doc"], "[rel] row but the page shows no date"); bad += 1
    for side in ("donor", "recipient"):
        c = r[side + "_adcode"]
        if c:
            if len(c) != 12 or c[6:] != "000000" or c[:6] not in gaz:
                print("line", i, "bad adcode", c); bad += 1
            elif gaz[c[:6]] != r[side]:
                print("line", i, f"name {r[side]} != gazetteer {gaz[c[:6]]}"); bad += 1
        elif not r[side]:
            print("line", i, "empty", side); bad += 1
    if r["donor_adcode"] and r["donor_adcode"] == r["recipient_adcode"]: print("line", i, "donor == recipient"); bad += 1
    if r["kind"] not in KINDS: print("line", i, "bad kind", r["kind"]); bad += 1
    for k, lo, hi in (("year", 1949, 2026), ("month", 1, 12), ("day", 1, 31)):
        if r[k] and not (r[k].isdigit() and lo <= int(r[k]) <= hi): print("line", i, "bad", k, r[k]); bad += 1
    if r["day"] and not r["month"]: print("line", i, "day without month"); bad += 1
assert [s["doc"] for s in src] == sorted(docs), "sources.csv docs != docs/"
assert [m["doc"] for m in meta] == [d + ".txt" for d in sorted(docs)], "meta.csv docs != docs/"
for s, m in zip(src, meta):
    if s["publication_date"] != m["publication_date"] or s["url"] != m["url"]:
        print("sources/meta mismatch", s["doc"]); bad += 1
    if s["script"] not in ("simplified", "traditional"): print("bad script", s["doc"]); bad += 1
# same text twice (whitespace ignored)
seen = {}
for d, t in docs.items():
    k = "".join(t.split())
    if k in seen: print("doc", d, "has the same text as", seen[k]); bad += 1
    seen.setdefault(k, d)
# urls of earlier sets and of the set built at the same time (url columns only)
prev = [pathlib.Path("/work/shared/realset/sources.csv"), SETS / "realset" / "sources.csv"]
prev += [SETS / f"realset{i}" / "sources.csv" for i in range(2, 28)]
prev += [pathlib.Path(p) for p in glob.glob(str(SETS / "realset[0-9]*" / "sources.csv"))]
prev += [pathlib.Path(p) for p in glob.glob("/work/helpers/rs29*/sources.csv")]
old = set()
for f in prev:
    if f.exists() and f.resolve() != (R / "sources.csv").resolve():
        old |= {r["url"] for r in csv.DictReader(open(f, encoding="utf-8"))}
old -= {""}
for s in src:
    if s["url"] and s["url"] in old: print("url already in another set", s["doc"]); bad += 1
urls = [s["url"] for s in src if s["url"]]
if len(urls) != len(set(urls)): print("a url appears twice in sources.csv"); bad += 1
hosts = {}
for s in src:
    h = s["url"].split("/")[2] if s["url"].count("/") >= 2 else ""
    hosts[h] = hosts.get(h, 0) + 1
for h, n in hosts.items():
    if h and n > 2: print("more than 2 articles from host", h); bad += 1
nogold = sorted(set(docs) - {r["doc"] for r in gold if r["donor_adcode"] and r["recipient_adcode"]})
trad = sum(s["script"] == "traditional" for s in src)
undated = sum(not s["publication_date"] for s in src)
pairs = {(r["doc"], r["donor_adcode"][:6], r["recipient_adcode"][:6]) for r in gold if r["donor_adcode"] and r["recipient_adcode"]}
short = [d for d, t in docs.items() if len(t) < 400]
print(f"{len(docs)} docs, {len(gold)} rows, {len(pairs)} scored place pairs, traditional {trad}, undated {undated}, "
      f"docs without a scored pair {nogold}, docs < 400 chars {short}, problems {bad}")
sys.exit(1 if bad or nogold or trad < 4 or undated < 4 else 0)
