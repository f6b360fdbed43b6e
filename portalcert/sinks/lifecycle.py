"""What every sink shares: it serves in the background between start() and stop()."""

from __future__ import annotations

from types import TracebackType
from typing import Self


class BackgroundServer:
    """A server running on a thread of its own; usable as a context manager."""

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
