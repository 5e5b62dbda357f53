"""Stage 1, read and check: the records and settings become typed, frozen models, or problems with their file and line. Nothing here writes a file or imports a later stage."""
