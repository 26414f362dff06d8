"""The glossary: terms from data/glossary.yml (terms.py), the glossary page (page.py) and the linker
that links each term's first use on every page (linker.py)."""
