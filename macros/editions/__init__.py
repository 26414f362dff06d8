"""Closer's editions beyond `make build`: pure functions over a built site and the project's data.

- `offline`: the offline edition (`make offline`, mkdocs.offline.yml): links that open files from
  file://, a check that nothing would load from another host, and the zip.
- `redirects`: every moved address, from mkdocs.yml's redirect_maps and data/urls.yml, as HTTP 301s.
- `headers`: the deployable site's headers (`make dist`): each page's Content-Security-Policy, read
  from the page itself, and the headers a <meta> tag cannot set; written as Netlify/Cloudflare
  `_headers` and `_redirects` files and as an nginx config.
- `project`: the few keys of mkdocs.yml these need, read without MkDocs.

`python -m macros.editions offline|dist ...` runs them (the Makefile's `offline` and `dist` targets).
Every problem is a DataError with one sentence that names the file and what to change.
"""
