"""One stylesheet and one script of ours per page (macros/assets.py): extra_css and extra_javascript in
mkdocs.yml stay the list of source files, in order; this hook reads them, writes the hashed bundles
into the site instead of the sources, points the theme at the common bundle, and adds the page
bundles (worksheets, cards: macros/assets.py's PAGE_BUNDLES) to the pages that carry their markers. A new
file in either list joins its bundle with no other change."""
from __future__ import annotations

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.structure.files import File

from macros import adapter, assets
from macros.content import errors


@adapter.reported
def on_files(files, config):
    css = [_source(files, str(path), "extra_css") for path in config["extra_css"]]
    js = [_source(files, str(script), "extra_javascript") for script in config["extra_javascript"]]
    made = assets.bundles(css, js)
    for path, _ in css + js:
        files.remove(files.get_file_from_path(path))
    for item in made.values():
        files.append(File.generated(config, item.path, content=item.text))
    config["extra_css"] = [made["css"].path]
    config["extra_javascript"] = [ExtraScriptValue(made["js"].path)]
    config.closer_assets = made
    return files


def on_post_page(output, page, config):
    return assets.with_page_bundles(output, config.closer_assets)


def _source(files, path: str, option: str) -> tuple[str, str]:
    file = files.get_file_from_path(path)
    if file is None:
        raise errors.DataError(f"mkdocs.yml: {option} lists '{path}', but docs/{path} does not exist")
    return path, file.content_string
