"""Worksheets: definitions from data/worksheets/ (model.py), their page (page.py) and fillable PDF (pdf.py)."""
