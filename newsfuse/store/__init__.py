"""Store: files written atomically, and the article database."""
