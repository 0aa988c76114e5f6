"""Writing an output file the way the user named it, atomically when it is a regular file.

`--output PATH` writes through PATH: a symbolic link is followed (the file it points to gets the text,
the link stays), a FIFO or a device is written as a stream (it cannot be replaced, and must not be), and
a regular file is replaced atomically (a reader sees the old text or the new, never half) by a temporary
file in the target's real folder renamed over it, with the old file's permissions. A new file gets the
permissions the umask allows, as the shell's `>` would give it.

The target is checked before the work starts (`OutputFile.check`), so a missing or read-only folder is
reported at once, not after minutes of analysis.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from newsfuse.display import one_line


class OutputError(Exception):
    """The output cannot be written; the message says where and why."""


def _shown(path: str | os.PathLike[str]) -> str:
    return one_line(os.fspath(path))


def _umask() -> int:
    mask = os.umask(0)  # the only portable way to read it is to set it and put it back
    os.umask(mask)
    return mask


@dataclass(frozen=True)
class OutputFile:
    """Where `--output` goes: the path as given, and the real file it names (symbolic links resolved)."""

    given: str
    real: Path

    @classmethod
    def check(cls, given: str) -> OutputFile:
        """The output target, or OutputError when it cannot be written: called before any work."""
        real = Path(os.path.realpath(given))
        try:
            info = real.stat()
        except FileNotFoundError:
            info = None
        except OSError as error:  # a symbolic link loop, a component that is a file, ...
            raise OutputError(f"{_shown(given)}: cannot write ({error.strerror})") from None
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise OutputError(f"{_shown(given)}: is a folder; give a file name")
        if info is not None and not stat.S_ISREG(info.st_mode):
            if not os.access(real, os.W_OK):
                raise OutputError(f"{_shown(given)}: cannot write (permission denied)")
            return cls(given, real)
        folder = real.parent
        if not folder.is_dir():
            raise OutputError(f"{_shown(given)}: cannot write: folder {_shown(folder)} does not exist")
        if info is not None and not os.access(real, os.W_OK):
            raise OutputError(f"{_shown(given)}: cannot write: the file is read-only")
        # Creating the temporary file is the one test that covers permissions, read-only mounts and quotas.
        try:
            handle, temporary = tempfile.mkstemp(prefix=f".{real.name}.", dir=folder)
        except OSError as error:
            raise OutputError(f"{_shown(given)}: cannot write in folder {_shown(folder)} ({error.strerror})") from None
        os.close(handle)
        os.unlink(temporary)
        return cls(given, real)

    def write(self, text: str) -> None:
        """Write `text` as UTF-8 through the path; raises OutputError (with the reason) on failure."""
        data = text.encode("utf-8", errors="backslashreplace")
        try:
            info = self.real.stat()
        except FileNotFoundError:
            info = None
        except OSError as error:
            raise OutputError(f"{_shown(self.given)}: cannot write ({error.strerror})") from None
        try:
            if info is not None and not stat.S_ISREG(info.st_mode):
                with open(self.real, "wb") as stream:  # a FIFO or a device: write into it, never replace it
                    stream.write(data)
            else:
                _replace(self.real, data, info)
        except OSError as error:
            raise OutputError(f"{_shown(self.given)}: cannot write ({error.strerror or error})") from None


def _replace(target: Path, data: bytes, old: os.stat_result | None) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
            if old is None:
                os.fchmod(stream.fileno(), 0o666 & ~_umask())
            else:
                os.fchmod(stream.fileno(), stat.S_IMODE(old.st_mode))
                # As root: keep the file's owner. Not root, or a file system without owners: the mode matters.
                with contextlib.suppress(OSError):
                    os.fchown(stream.fileno(), old.st_uid, old.st_gid)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write `text` to `path` as `--output` does (through links, keeping the mode, atomic for files)."""
    OutputFile.check(os.fspath(path)).write(text)
