"""Checks rs17 (rs17a + rs17b merged; realset2-style): evidence occurs verbatim in its doc ('[rel] ' prefix stripped), adcodes exist in the
gazetteer, names match the gazetteer entry, kinds valid, sources/meta consistent, urls not in earlier sets,
no doc text duplicated, >=4 traditional, >=4 undated, every doc has a scored place pair."""
import csv, pathlib, sys
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
    if r["evidence"].startswith("[rel] ") and not r["year"] and not r["month"]:
        print("line", i, "[rel] row without a resolved date"); bad += 1
src = list(csv.DictReader(open(R / "sources.csv", encoding="utf-8")))
meta = list(csv.DictReader(open(R / "meta.csv", encoding="utf-8")))
assert [s["doc"] for s in src] == sorted(docs), "sources.csv docs != docs/"
assert [m["doc"] for m in meta] == [d + ".txt" for d in sorted(docs)], "meta.csv docs != docs/"
for s, m in zip(src, meta):
    if s["publication_date"] != m["publication_date"] or s["url"] != m["url"]:
        print("sources/meta mismatch", s["doc"]); bad += 1
rel_nodate = {r["doc"] for r in gold if r["evidence"].startswith("[rel] ")} & {s["doc"] for s in src if not s["publication_date"]}
if rel_nodate: print("[rel] rows in undated docs", sorted(rel_nodate)); bad += 1
earlier = [pathlib.Path("/work/shared/realset/sources.csv")] + sorted((MAIN / "tests" / "data").glob("realset*/sources.csv"))
old = set()
for f in earlier:
    old |= {r["url"] for r in csv.DictReader(open(f, encoding="utf-8"))}
old -= {""}
for s in src:
    if s["url"] and s["url"] in old: print("url already in an earlier set", s["doc"]); bad += 1
hosts = {}
for s in src:
    if s["url"]:
        h = s["url"].split("/")[2]; hosts[h] = hosts.get(h, 0) + 1
for h, n in hosts.items():
    if n > 2: print("more than 2 articles from", h); bad += 1
norm = {}
for d, t in docs.items():
    k = "".join(t.split())
    if k in norm: print("doc", d, "duplicates", norm[k]); bad += 1
    norm.setdefault(k, d)
nogold = sorted(set(docs) - {r["doc"] for r in gold if r["donor_adcode"] and r["recipient_adcode"]})
if nogold: bad += 1
trad = sum(s["script"] == "traditional" for s in src)
undated = sum(not s["publication_date"] for s in src)
pairs = {(r["doc"], r["donor_adcode"][:6], r["recipient_adcode"][:6]) for r in gold if r["donor_adcode"] and r["recipient_adcode"]}
short = [d for d, t in docs.items() if len(t) < 400]
print(f"{len(docs)} docs, {len(gold)} rows, {len(pairs)} scored place pairs, traditional {trad}, undated {undated}, "
      f"docs without a scored pair {nogold}, docs < 400 chars {short}, problems {bad}")
sys.exit(1 if bad or trad < 4 or undated < 4 else 0)
