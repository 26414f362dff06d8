"""The content layer: every input read once per build and checked into typed records (model.py).
Nothing here imports MkDocs: another builder can load the same model."""
