"""What every sink shares: it serves in the background between start() and stop()."""

from __future__ import annotations

from abc import ABC, abstractmethod
from types import TracebackType
from typing import Self


class BackgroundServer(ABC):
    """A server running on a thread of its own; usable as a context manager."""

    @abstractmethod
    def start(self) -> None:
        """Start serving on a background thread (once per sink)."""

    @abstractmethod
    def stop(self) -> None:
        """Stop serving and release the port; safe to call twice or before `start`."""

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
