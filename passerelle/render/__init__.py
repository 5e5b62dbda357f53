"""Stage 3, render: the planned pages, feeds, exports, sitemap, search records and media, per language."""
