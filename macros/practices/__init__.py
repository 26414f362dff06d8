"""At-home practices: the record in each practice page's front matter (model.py) and what it renders
(render.py). `tag_order` is named in mkdocs.yml for Material's tags plugin."""
from .model import tag_order  # noqa: F401
