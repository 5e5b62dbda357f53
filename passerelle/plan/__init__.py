"""Stage 2, plan: every output the build will write, each path and URL spelled once and claimed once, decided before anything is rendered."""
