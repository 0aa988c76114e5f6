"""Paths a user names: what each is (file, folder, other), why one cannot be read, and a folder walk
that reports unreadable folders and symbolic-link loops instead of skipping them in silence."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from newsfuse.model import Problem


def path_kind(raw: str) -> str | Problem:
    """"file", "folder" or "other" for a path given by the user; a problem saying why it cannot be read."""
    try:
        mode = os.stat(raw).st_mode
    except OSError as error:
        return Problem(raw, stat_failure(raw, error))
    except ValueError:  # a NUL byte in the name
        return Problem(raw, "not a valid file name")
    return "folder" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "other"


def stat_failure(raw: str | Path, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENOENT:
        return "broken symbolic link" if os.path.islink(raw) else "no such file or folder"
    if error.errno == errno.ENAMETOOLONG:
        return "file name too long"
    return f"cannot read ({error.strerror})"


def walk_folder(folder: Path, wanted: Callable[[str], bool], ancestors: frozenset[tuple[int, int]] = frozenset()
                ) -> Iterator[Path | Problem]:
    """The regular files under `folder` whose names `wanted` accepts, in path order, hidden ones skipped.

    Links to folders are followed, except back into a folder being walked (a loop, reported); a folder
    or link that cannot be read is reported, never skipped in silence.
    """
    try:
        info = folder.stat()
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield Problem(str(folder), f"folder not read: {stat_failure(folder, error)}")
        return
    key = (info.st_dev, info.st_ino)
    if key in ancestors:
        yield Problem(str(folder), "folder not read: symbolic link loop (leads back into a folder being read)")
        return
    inside = ancestors | {key}
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            mode = entry.stat().st_mode
        except OSError as error:
            if wanted(entry.name) or entry.is_symlink():
                yield Problem(str(path), stat_failure(path, error))
            continue
        if stat.S_ISDIR(mode):
            yield from walk_folder(path, wanted, inside)
        elif stat.S_ISREG(mode) and wanted(entry.name):
            yield path
