"""Where reports and datasets come from (only this package and ``store`` touch disk or network).

- ``reports``: .txt/.html files, folders and JSON lines as articles (``read_reports``).
- ``fetch``: the polite, safe HTTP fetcher (``Fetcher``, ``FetchOptions``, ``FetchResult``,
  ``FetchError``); ``addresses``: which URLs and addresses it may visit.
- ``feeds`` / ``pages``: RSS/Atom feeds and web pages parsed from bytes.
- ``articles``: canonical URLs, ids, dates and languages of the articles built from them.
- ``kinds``: ``Source``, the ``source_kinds`` registry (file, feed, page, web), ``iter_articles``
  and ``sources_for``; ``watchfile``: SOURCES.yaml (``load_sources``).
- ``state`` / ``watcher``: what is remembered between polls, and the ``Watcher`` that polls.
- ``datasets``: readers of coded datasets (ACLED, UCDP GED, GDELT).
- ``gazetteer_files`` / ``boundary_files`` / ``geocode_gold``: gazetteer CSVs and dumps, GeoJSON
  admin layers and the geocoding gold set, read here and parsed by ``geo``; ``geonames_dump``
  downloads a GeoNames country file.

Modules are imported where they are used, so reading a text file never loads the web stack.
"""
