"""Conversation cards: decks of questions in data/cards/<deck>.yml, drawn on screen or printed and cut.

model.py checks the decks (the content model reads the files and keeps them on Content.decks);
render.py turns them into the deck pages, the cards index, the printed sheets, each deck's PDF job
(printed by macros/pdf.py) and the lines other pages show. hooks/cards.py wires them into the build.
"""
