"""`briefpdf serve`: write and preview briefings in the browser.

A front end beside the command line: it calls the same pipeline (``build.make_pdf``,
``batch.build_many``, ``build.validate_file``) and never lays out a page itself.

- ``guard``: what makes a request acceptable (Host, Origin, token, paths, uploads).
- ``workspace``: the project's files, their builds, versions and the file watcher.
- ``preview``: PDF pages as images (pypdfium2).
- ``pages``: the HTML of the home and editing pages, every value escaped.
- ``server``: the HTTP server (standard library) and its routes.

Everything here is imported only by `briefpdf serve`, so other commands start no slower.
"""
