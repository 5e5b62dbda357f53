#!/usr/bin/env python3
"""Passerelle's command line: `python build.py [build|check|serve|new] ...` (see `--help`)."""

import sys

from passerelle.cli import main

if __name__ == "__main__":
    sys.exit(main())
