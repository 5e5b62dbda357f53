"""Stage 4, publish: the theme wraps the pages, the build is written beside the site and swapped in whole."""
