# rewrites docs/NNN.txt from the search excerpts kept as JSON string literals in docs_src/batch*.py
import json, pathlib
T = pathlib.Path(__file__).resolve().parent
D = T.parent / "docs"
for b in sorted((T / "docs_src").glob("batch*.py")):
    ns = {}
    exec(b.read_text(encoding="utf-8"), ns)
    for k, v in ns["docs"].items():
        (D / f"{k}.txt").write_text(json.loads('"' + v + '"'), encoding="utf-8")
