"""Score an events.csv against this set's gold_events.csv with realset2's scorer (its docstring says what it
counts; the options are the same): one scorer for every set, so all are counted alike."""
import importlib.util, pathlib, sys

here = pathlib.Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("realset2_score_events", here.parent / "realset2" / "score_events.py")
scorer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(scorer)

if __name__ == "__main__":
    sys.exit(scorer.main(default_gold=here / "gold_events.csv"))
