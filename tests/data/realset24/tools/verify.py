"""Checks realset24 (docs 001-030, rs24a + rs24b merged and audited): evidence occurs verbatim in its doc ('[rel] '
prefix stripped), no '[rel]' row in a doc without a publication date and none without a resolved date, adcodes are
12 digits and exist in the gazetteer under the name given, kinds/dates valid, sources/meta consistent, no url already
in realset, realset2..realset23 or the parallel new set rs25a/rs25b (url columns only), at most 2 articles per host,
no two docs with the same text (within the set, and against the docs of realset, realset2 and rs25a/rs25b), >=4
traditional, >=4 undated, 30 docs, every doc has a scored place -> place pair."""
import collections, csv, pathlib, sys, urllib.parse
R = pathlib.Path(__file__).resolve().parent.parent
MAIN = pathlib.Path("/work/main")
gaz = {r["adcode"]: r["name"] for r in csv.DictReader(open(MAIN / "data" / "gazetteer.csv", encoding="utf-8"))}
KINDS = {"pairing_start", "agreement", "team_arrival", "funding", "park", "visit", "other"}
bad = 0
docs = {p.stem: p.read_text(encoding="utf-8") for p in sorted((R / "docs").glob("*.txt"))}
gold = list(csv.DictReader(open(R / "gold_events.csv", encoding="utf-8")))
src = list(csv.DictReader(open(R / "sources.csv", encoding="utf-8")))
meta = list(csv.DictReader(open(R / "meta.csv", encoding="utf-8")))
pubdate = {s["doc"]: s["publication_date"] for s in src}
for i, r in enumerate(gold, 2):
    ev = r["evidence"]
    ev = ev[6:] if ev.startswith("[rel] ") else ev
    if r["doc"] not in docs: print("line", i, "no doc", r["doc"]); bad += 1; continue
    if not ev or ev not in docs[r["doc"]]: print("line", i, r["doc"], "evidence not found:", ev[:40]); bad += 1
    if r["evidence"].startswith("[rel] ") and not pubdate.get(r["doc"]):
        print("line", i, r["doc"], "[rel] row in a doc without publication date"); bad += 1
    if r["evidence"].startswith("[rel] ") and not r["year"] and not r["month"]:
        print("line", i, r["doc"], "[rel] row without a resolved date"); bad += 1
    if not r["donor"] or not r["recipient"]: print("line", i, "empty donor or recipient"); bad += 1
    if r["donor_adcode"] and r["donor_adcode"] == r["recipient_adcode"]: print("line", i, "donor = recipient"); bad += 1
    for side in ("donor", "recipient"):
        c = r[side + "_adcode"]
        if c:
            if len(c) != 12 or not c.isdigit() or c[6:] != "000000" or c[:6] not in gaz:
                print("line", i, "bad adcode", c); bad += 1
            elif gaz[c[:6]] != r[side]:
                print("line", i, f"name {r[side]} != gazetteer {gaz[c[:6]]}"); bad += 1
    if r["kind"] not in KINDS: print("line", i, "bad kind", r["kind"]); bad += 1
    for k, lo, hi in (("year", 1949, 2026), ("month", 1, 12), ("day", 1, 31)):
        if r[k] and not (r[k].isdigit() and lo <= int(r[k]) <= hi): print("line", i, "bad", k, r[k]); bad += 1
    if r["year"] and pubdate.get(r["doc"]) and int(r["year"]) > int(pubdate[r["doc"]][:4]):
        print("line", i, "year after the publication date"); bad += 1
dup = [k for k, n in collections.Counter(tuple(r.values()) for r in gold).items() if n > 1]
if dup: print("duplicate gold rows", dup); bad += 1
if [s["doc"] for s in src] != sorted(docs): print("sources.csv docs != docs/"); bad += 1
if [m["doc"] for m in meta] != [d + ".txt" for d in sorted(docs)]: print("meta.csv docs != docs/"); bad += 1
for s, m in zip(src, meta):
    if s["publication_date"] != m["publication_date"] or s["url"] != m["url"]:
        print("sources/meta mismatch", s["doc"]); bad += 1
    if s["script"] not in ("simplified", "traditional"): print("bad script", s["doc"]); bad += 1
old_files = ([pathlib.Path("/work/shared/realset/sources.csv")]
             + [MAIN / "tests" / "data" / f"realset{i}" / "sources.csv" for i in range(2, 24)]
             + [R.parent / "rs25a" / "sources.csv", R.parent / "rs25b" / "sources.csv"])
old = set()
for f in old_files:
    if not f.exists(): print("missing", f); bad += 1; continue
    old |= {r["url"].strip() for r in csv.DictReader(open(f, encoding="utf-8"))} - {""}
for s in src:
    if s["url"] and s["url"].strip() in old: print("url already in an earlier or parallel set", s["doc"]); bad += 1
urls = collections.Counter(s["url"] for s in src if s["url"])
if any(n > 1 for n in urls.values()): print("url used twice in this set"); bad += 1
hosts = collections.Counter(urllib.parse.urlparse(s["url"]).hostname for s in src if s["url"])
for h, n in hosts.items():
    if n > 2: print("more than 2 articles from", h); bad += 1
norm = {d: "".join(t.split()) for d, t in docs.items()}
texts = collections.Counter(norm.values())
if any(n > 1 for n in texts.values()): print("duplicate doc texts", [d for d, t in norm.items() if texts[t] > 1]); bad += 1
other_docs = [pathlib.Path("/work/shared/realset/docs"), MAIN / "tests" / "data" / "realset2" / "docs",
              R.parent / "rs25a" / "docs", R.parent / "rs25b" / "docs"]
for folder in other_docs:
    if not folder.is_dir(): print("missing", folder); bad += 1; continue
    for p in sorted(folder.glob("*.txt")):
        t = "".join(p.read_text(encoding="utf-8").split())
        for d, n in norm.items():
            if n == t: print("doc", d, "has the same text as", p); bad += 1
nogold = sorted(set(docs) - {r["doc"] for r in gold if r["donor_adcode"] and r["recipient_adcode"]})
if nogold: print("docs without a scored pair", nogold); bad += 1
trad = sum(s["script"] == "traditional" for s in src)
undated = sum(not s["publication_date"] for s in src)
pairs = {(r["doc"], r["donor_adcode"][:6], r["recipient_adcode"][:6]) for r in gold if r["donor_adcode"] and r["recipient_adcode"]}
short = [d for d, t in docs.items() if len(t) < 400]
if trad < 4 or undated < 4 or len(docs) != 30: print("need 30 docs, >=4 traditional, >=4 undated"); bad += 1
print(f"{len(docs)} docs, {len(gold)} rows, {len(pairs)} scored place pairs, traditional {trad}, undated {undated}, "
      f"hosts {len(hosts)} (max {max(hosts.values())} per host), docs without a scored pair {nogold}, "
      f"docs < 400 chars {short}, problems {bad}")
sys.exit(1 if bad else 0)
