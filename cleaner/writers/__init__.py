"""Writers: Documents out as JSONL records or plain text."""
