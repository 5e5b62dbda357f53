#!/usr/bin/env python3
"""Passerelle's command line: `python build.py [build|check|serve|new] ...` (see `--help`)."""

from passerelle.cli import run

if __name__ == "__main__":
    run()
