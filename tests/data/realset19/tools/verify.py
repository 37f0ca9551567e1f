"""Checks rs19 (docs 001-030, merged from rs19a and rs19b): evidence occurs verbatim in its doc ('[rel] ' prefix stripped), adcodes exist in the
gazetteer, names match the gazetteer entry, kinds valid, sources/meta consistent, >=4 traditional, >=4 undated; no url already in realset..realset18."""
import collections, csv, pathlib, sys
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
olds = [pathlib.Path("/work/shared/realset/sources.csv")] + sorted((MAIN / "tests" / "data").glob("realset*/sources.csv"))
old = {r["url"] for f in olds for r in csv.DictReader(open(f, encoding="utf-8"))} - {""}
for s in src:
    if s["url"] and s["url"] in old: print("url already in realset", s["doc"]); bad += 1
nogold = sorted(set(docs) - {r["doc"] for r in gold if r["donor_adcode"] and r["recipient_adcode"]})
trad = sum(s["script"] == "traditional" for s in src)
undated = sum(not s["publication_date"] for s in src)
pairs = {(r["doc"], r["donor_adcode"][:6], r["recipient_adcode"][:6]) for r in gold if r["donor_adcode"] and r["recipient_adcode"]}
short = [d for d, t in docs.items() if len(t) < 400]
print(f"{len(docs)} docs, {len(gold)} rows, {len(pairs)} scored place pairs, traditional {trad}, undated {undated}, "
      f"docs without a scored pair {nogold}, docs < 400 chars {short}, problems {bad}")
hosts = collections.Counter(s["url"].split("/")[2] for s in src if s["url"])
for h, n in hosts.items():
    if n > 2: print("more than 2 articles from", h); bad += 1
dups = [d for d in docs if list(docs.values()).count(docs[d]) > 1]
if dups: print("duplicate article texts", dups); bad += 1
print("problems after host/duplicate checks", bad)
sys.exit(1 if bad or trad < 4 or undated < 4 or len(docs) != 30 else 0)
