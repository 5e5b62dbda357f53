"""The other commands: new, withdraw, scope, serve (build and check are the pipeline and stage 1)."""
