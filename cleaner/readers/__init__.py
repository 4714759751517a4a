"""Readers: bytes in, Documents out. The middle of the pipeline knows no files."""
