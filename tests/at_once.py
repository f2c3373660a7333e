"""Two people at the same moment: worker processes that wait for each other, then act; what
they put in the queue is collected (tests of numbers taken under concurrent saves)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from typing import Any


def run_at_once(
    work: Callable[..., None], arguments: Sequence[tuple[Any, ...]], count: int
) -> list:
    """Start one process per `arguments` (spawned: each opens its own database), calling
    `work(*arguments, start, queue)`: each waits at `start` until all are ready. Returns the
    `count` values they put into `queue`, once every process has ended well."""
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(len(arguments))
    queue = context.Queue()
    workers = [context.Process(target=work, args=(*args, start, queue)) for args in arguments]
    for worker in workers:
        worker.start()
    values = [queue.get(timeout=120) for _ in range(count)]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    return values
