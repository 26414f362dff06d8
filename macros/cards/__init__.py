"""Conversation cards: decks of questions in data/cards/<deck>.yml, drawn on screen or printed and cut.

model.py reads and checks the decks (frozen dataclasses, no MkDocs); render.py turns them into the deck
pages, the cards index, the printed sheets and the lines other pages show; pdf.py makes a PDF per deck
with the worksheet PDF functions. hooks/cards.py wires them into the build.
"""
