"""The whole guide as a book (`make book`): every page in navigation order, safety first, with a cover,
a contents list with page numbers, internal links as PDF links, the glossary and the worksheets as
appendices, each chapter's sources, review dates and public address. chapters.py plans the book from the
navigation and the content model, html.py turns each built page's article into a chapter, render.py
assembles the document and prints it through macros/pdf.py (A4 and US Letter, cached)."""
