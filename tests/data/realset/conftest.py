# The scorers are scripts (they read sys.argv when imported): not test modules, not doctests.
collect_ignore = ["score_events.py", "score_places.py"]
