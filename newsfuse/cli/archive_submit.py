"""The `spark-submit` entry point: the same arguments as `newsfuse archive`, on the Spark engine, with the
master, executors and memory that spark-submit was given.

    spark-submit --master yarn --executor-memory 4g \\
        "$(python -c 'import newsfuse.cli.archive_submit as s; print(s.__file__)')" \\
        /mnt/archive/cc-news/ --out /mnt/archive/newsfuse/ --partitions 2000

Inputs are read by path: every executor must see them (a shared or mounted file system), and every
executor needs newsfuse installed (`pip install newsfuse` on the nodes, or a packed virtual
environment passed with `--archives`); see docs/scale.md.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> None:
    from newsfuse.cli.archive import archive

    arguments = list(sys.argv[1:] if argv is None else argv)
    if "--engine" not in arguments:
        arguments += ["--engine", "spark"]
    archive.main(arguments, prog_name="newsfuse archive")


if __name__ == "__main__":
    main()
