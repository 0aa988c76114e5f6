"""Store: files written atomically, and the article database (articles, stories, copies)."""
