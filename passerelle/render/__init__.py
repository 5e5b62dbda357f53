"""Stage 3, render: each planned page as a view (its texts with their languages), then HTML; feeds, exports, sitemap, search records and media."""
