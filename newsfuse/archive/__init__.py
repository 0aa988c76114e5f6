"""Archives past one machine: read, extract, find copies, group stories and brief them, as stages.

Each stage is a plain function over plain records (`records.ArchiveArticle`); `engine_local` runs them
in one process and `engine_spark` runs the same functions inside Apache Spark. Results are Parquet
tables `articles`, `stories` and `briefs` under one output folder (see `tables`).
"""
