"""Stage 2, plan: every output the build will write, each path and URL spelled once and claimed once, and each page as data (its texts with their languages) before any template runs."""
