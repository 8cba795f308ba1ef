"""Live sources: polite HTTP (``http``), feeds, sitemaps and home pages (``feeds``), and fetched pages
as articles with their provenance (``pages``). The engines in ``dyad.engines.fetch`` and
``dyad.engines.watch`` put them together with the ingest engine."""
