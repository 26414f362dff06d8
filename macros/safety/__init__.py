"""Safety on every page: helplines (helplines.py), the hand-typed number check (phone_numbers.py), the
"only if you feel safe" line (caveats.py) and the quick exit check (quick_exit.py)."""
