"""The other commands: new, withdraw, scope, serve (build and check are pipeline.py)."""
