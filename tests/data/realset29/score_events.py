"""Score an events.csv (from `python -m timeline extract` on docs/ with meta.csv) against gold_events.csv.
usage: score_events.py EVENTS.csv [GOLD_EVENTS.csv] [--exclude DOCS] [--min-f1 X] [--quiet]
Counts only place->place pairs (both adcodes known). Pairs are directed (donor, recipient) per doc.
Prints per-doc misses, then the figure last:
  pairs P/R/F1, year accuracy on found pairs, invented years (a year where the text states none)."""
import csv, sys, collections, argparse, pathlib

SAME = {"510124": "510117"}  # 郫县 -> 郫都区 (renamed 2016)

def code(x):
    c = (x or "").strip()[:6]
    return SAME.get(c, c)

def docid(x):
    return (x or "").strip().split("/")[-1].split(".")[0]

def main(argv=None, default_gold=pathlib.Path(__file__).with_name("gold_events.csv")):
    """Score; ``default_gold`` is the gold read when none is given (the later sets call this with theirs).
    The figure is labelled with the gold's folder (realset2, realset3 …)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("events"); ap.add_argument("gold", nargs="?", default=str(default_gold))
    ap.add_argument("--exclude", default="")  # no duplicate docs (realset excluded 010,016)
    ap.add_argument("--min-f1", type=float, default=0.0)
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args(argv)
    skip = set(filter(None, a.exclude.split(",")))
    gold = [r for r in csv.DictReader(open(a.gold, encoding="utf-8"))
            if r["donor_adcode"] and r["recipient_adcode"] and r["doc"] not in skip]
    pred = [r for r in csv.DictReader(open(a.events, encoding="utf-8-sig"))
            if code(r.get("donor_adcode")) and code(r.get("recipient_adcode")) and docid(r.get("doc")) not in skip]
    gyears = collections.defaultdict(set)
    for r in gold:
        gyears[(r["doc"], code(r["donor_adcode"]), code(r["recipient_adcode"]))].add((r["year"] or "").strip())
    pyears = collections.defaultdict(set)
    for r in pred:
        y = (r.get("year") or "").strip()
        y = str(int(float(y))) if y else ""
        pyears[(docid(r["doc"]), code(r["donor_adcode"]), code(r["recipient_adcode"]))].add(y)
    G, P = set(gyears), set(pyears)
    tp = G & P
    prec = len(tp) / len(P) if P else 0.0
    rec = len(tp) / len(G) if G else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    # year accuracy: every predicted year for a found pair must be one the gold allows
    yr_ok = sum(1 for k in tp if pyears[k] <= gyears[k])
    # invented: a predicted non-empty year for a pair the text never dates
    invented = [(k, sorted(pyears[k] - {""})) for k in tp if gyears[k] == {""} and pyears[k] - {""}]
    if not a.quiet:
        for k in sorted(G - P):
            print("miss ", k, sorted(gyears[k]))
        for k in sorted(P - G):
            print("extra", k, sorted(pyears[k]))
        for k in sorted(tp):
            if not pyears[k] <= gyears[k]:
                print("year ", k, "gold", sorted(gyears[k]), "got", sorted(pyears[k]))
    print(f"{pathlib.Path(a.gold).resolve().parent.name} pairs P={prec:.2f} R={rec:.2f} F1={f1:.2f} ({len(tp)}/{len(G)} gold, {len(P)} predicted); "
          f"year ok {yr_ok}/{len(tp)}; invented years {len(invented)}")
    return 0 if f1 >= a.min_f1 and not invented else 1


if __name__ == "__main__":
    sys.exit(main())
