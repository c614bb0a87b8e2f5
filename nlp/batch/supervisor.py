"""Articles run in child processes that the parent can stop and replace.

A per-article time limit set inside the process that does the work (SIGALRM) only fires
between Python bytecodes: time spent in C (libxml2 on a pathological page, a regular
expression, onnxruntime) runs past it. So every engine runs articles in children of its own
(also with one worker): the parent hands a child one task at a time, waits for the answer
with a deadline, and a child that is past its deadline (or that died: a segfault, the OOM
killer) is killed and replaced, while the batch goes on with the next article.

The deadline starts when a task is handed to a child whose pipeline is built, so loading the
models never counts against an article. The child keeps its own SIGALRM limit (see
:func:`nlp.batch.worker.analyse_bytes`): an article stuck in Python code is stopped there, and
the child, with its models loaded, lives on; the parent's kill is the backstop, ``grace``
seconds later.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import wait

TIMED_OUT = "timed out"
DIED = "died"


def grace(timeout: float) -> float:
    """How long after the child's own limit the parent kills it: time for the child to notice
    (the next bytecode) and send its answer."""
    return 5.0 + 0.1 * timeout


def _child_main(conn, parent_end, parent_pid: int, init: Callable, init_args: tuple) -> None:
    if parent_end is not None:
        parent_end.close()  # a forked child holds both ends; only the parent's end may stay open
    # Ctrl-C reaches the whole process group: the parent stops the children, which must not
    # each print a KeyboardInterrupt traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    init(*init_args)
    conn.send(("ready", None))
    while True:
        # a parent killed with SIGKILL cannot tell its children: a child whose parent is gone
        # exits instead of waiting for a task forever
        while not conn.poll(1.0):
            if os.getppid() != parent_pid:
                return
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        fn, args = task
        conn.send(("done", fn(*args)))


def describe(exitcode: int | None) -> str:
    """A child's exit code in words: a negative code is the signal that ended it."""
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        return f"killed by {name}" + (", perhaps for lack of memory" if name == "SIGKILL" else "")
    return f"exit code {exitcode}"


class _Child:
    def __init__(self, ctx, init: Callable, init_args: tuple) -> None:
        self.conn, child_end = ctx.Pipe()
        forked = ctx.get_start_method() == "fork"
        self.proc = ctx.Process(target=_child_main, daemon=True,
                                args=(child_end, self.conn if forked else None, os.getpid(), init, init_args))
        self.proc.start()
        child_end.close()
        self.ready = False
        self.task: tuple | None = None  # (tag, deadline or None)

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError):  # a child that is gone already
            self.conn.send(None)
        self.proc.join(2)
        self.kill()


class ChildPool:
    """``size`` child processes, each set up by ``init(*init_args)`` (which must not raise: it
    keeps its failure for the tasks to report). ``start``: a multiprocessing start method
    (None: the platform's default, fork on Linux, so the children share what the parent
    imported)."""

    def __init__(self, size: int, init: Callable, init_args: tuple = (), start: str | None = None) -> None:
        self.size = max(1, size)
        self.init, self.init_args = init, init_args
        self.ctx = multiprocessing.get_context(start)
        self.children: list[_Child] = []
        self.replaced = 0

    def _spawn(self) -> _Child:
        child = _Child(self.ctx, self.init, self.init_args)
        self.children.append(child)
        return child

    def _retire(self, child: _Child, replace: bool) -> None:
        child.kill()
        self.children.remove(child)
        if replace:
            self.replaced += 1
            self._spawn()

    def results(self, tasks: Iterable[tuple[object, Callable, tuple]], timeout: float | None
                ) -> Iterator[tuple[object, str, object]]:
        """Run each ``(tag, fn, args)`` as ``fn(*args)`` in a child; yield ``(tag, "done",
        result)``, ``(tag, TIMED_OUT, seconds)`` or ``(tag, DIED, exit code)`` as each ends,
        in the order they end."""
        pending = deque(tasks)
        limit = None if not timeout else timeout + grace(timeout)
        while len(self.children) < min(self.size, len(pending)):
            self._spawn()
        try:
            while pending or any(c.task for c in self.children):
                for child in self.children:
                    if child.ready and child.task is None and pending:
                        tag, fn, args = pending.popleft()
                        child.conn.send((fn, args))
                        child.task = (tag, time.monotonic() + limit if limit else None)
                deadlines = [c.task[1] for c in self.children if c.task and c.task[1] is not None]
                wait_for = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
                wait([c.conn for c in self.children] + [c.proc.sentinel for c in self.children], wait_for)
                yield from self._collect(bool(pending))
        except BaseException:
            self.close()
            raise

    def _collect(self, more: bool) -> Iterator[tuple[object, str, object]]:
        now = time.monotonic()
        for child in list(self.children):
            message = None
            try:
                if child.conn.poll():
                    message = child.conn.recv()
            except (EOFError, OSError):
                message = None
            if message is not None:
                kind, value = message
                if kind == "ready":
                    child.ready = True
                elif child.task is not None:
                    tag, child.task = child.task[0], None
                    yield tag, "done", value
                continue
            if not child.proc.is_alive():
                code = child.proc.exitcode
                task, ready = child.task, child.ready
                if not ready:  # dying while building its pipeline, a replacement would die again
                    from nlp.errors import Errors, PipelineError

                    raise PipelineError(Errors.E404, reason=f"a worker process died while starting ({describe(code)})")
                self._retire(child, replace=more)
                if task is not None:
                    yield task[0], DIED, code
            elif child.task is not None and child.task[1] is not None and now >= child.task[1]:
                tag = child.task[0]
                self._retire(child, replace=more)
                yield tag, TIMED_OUT, None

    def close(self) -> None:
        for child in self.children:
            child.stop()
        self.children.clear()
