"""The published-URL contract (contract.py), read against a built site (scan.py); `python -m macros.urls`."""
