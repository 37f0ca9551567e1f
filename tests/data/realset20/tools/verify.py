"""Checks rs20 (rs20a 001-015 + rs20b 016-030, merged and audited): evidence occurs verbatim in its doc
('[rel] ' prefix stripped), adcodes are 12 digits and exist in the gazetteer, names match the gazetteer entry,
kinds and dates valid, sources/meta consistent, no url already used by realset/realset2-19 (url columns only),
no two docs with the same text, at most 2 articles per host, >=4 traditional, >=4 undated."""
import csv, pathlib, sys
from urllib.parse import urlparse
R = pathlib.Path(__file__).resolve().parent.parent
MAIN = pathlib.Path("/work/main")
gaz = {r["adcode"]: r["name"] for r in csv.DictReader(open(MAIN / "data" / "gazetteer.csv", encoding="utf-8"))}
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
old_files = [pathlib.Path("/work/shared/realset/sources.csv")] + \
            [MAIN / "tests" / "data" / f"realset{n}" / "sources.csv" for n in range(2, 20)]
old = set()
for f in old_files:
    if f.exists():
        old |= {r["url"].strip() for r in csv.DictReader(open(f, encoding="utf-8"))}
old.discard("")
for s in src:
    if s["url"] and s["url"] in old: print("url already used", s["doc"]); bad += 1
norm = {}
for d, t in docs.items():
    norm.setdefault("".join(t.split()), []).append(d)
for ds in norm.values():
    if len(ds) > 1: print("same text in docs", ds); bad += 1
if len({s["url"] for s in src if s["url"]}) != sum(1 for s in src if s["url"]): print("a url appears twice"); bad += 1
hosts = {}
for s in src:
    if s["url"]: hosts.setdefault(urlparse(s["url"]).netloc, []).append(s["doc"])
for h, ds in hosts.items():
    if len(ds) > 2: print("more than 2 articles from", h, ds); bad += 1
nogold = sorted(set(docs) - {r["doc"] for r in gold if r["donor_adcode"] and r["recipient_adcode"]})
trad = sum(s["script"] == "traditional" for s in src)
undated = sum(not s["publication_date"] for s in src)
pairs = {(r["doc"], r["donor_adcode"][:6], r["recipient_adcode"][:6]) for r in gold if r["donor_adcode"] and r["recipient_adcode"]}
short = [d for d, t in docs.items() if len(t) < 400]
print(f"{len(docs)} docs, {len(gold)} rows, {len(pairs)} scored place pairs, traditional {trad}, undated {undated}, "
      f"hosts {len(hosts)}, docs without a scored pair {nogold}, docs < 400 chars {short}, problems {bad}")
sys.exit(1 if bad or trad < 4 or undated < 4 else 0)
