"""The HTTP API and dashboard over a store: ``create_app(db_path)`` → a FastAPI app, read-only.

Run by ``eventwire serve``; JSON under ``/api`` (OpenAPI at ``/docs``), the dashboard at ``/`` and its
files under ``/static`` (this package's ``static/`` folder).
"""

from __future__ import annotations

import queue
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI, HTTPException
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from ..api import __version__
from ..store import LATEST_VERSION, Store
from ._params import reject_unknown
from ._routes import router

__all__ = ["create_app", "STATIC_DIR"]

STATIC_DIR = Path(__file__).resolve().parent / "static"


class _Pool:
    """Read-only connections reused across requests (opening one per request costs more than most queries)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._idle: queue.SimpleQueue[Store] = queue.SimpleQueue()

    def take(self) -> Store:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            store = Store(self.path, readonly=True)
            store.conn.execute("PRAGMA cache_size = -65536")  # 64 MB of pages per connection
            store.conn.execute("PRAGMA mmap_size = 1073741824")
            return store

    def give(self, store: Store) -> None:
        self._idle.put(store)

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                return


def create_app(db_path: str | Path, *, static_dir: str | Path | None = None) -> FastAPI:
    """The app serving the store at ``db_path`` (read-only; a missing store fails here, not per request;
    an older schema is migrated first)."""
    with Store(db_path, readonly=True) as store:  # StoreError now if it is not a store
        behind = store.schema_version() < LATEST_VERSION
    if behind:  # a store from an older eventwire: its migrations (keys, rollups) run once, then read-only
        Store(db_path).close()
    pool = _Pool(str(db_path))
    static = Path(static_dir) if static_dir else STATIC_DIR

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        pool.close()

    app = FastAPI(
        lifespan=lifespan,
        title="eventwire",
        version=__version__,
        description="Read-only API over an eventwire store: events, articles, actors, quotes, places, dyad series,"
        " the actor network and event locations, with the CLI's filters; every list also as CSV (`format=csv`).",
        dependencies=[Depends(reject_unknown)],
    )
    app.state.pool = pool
    app.include_router(router)

    @app.get("/", include_in_schema=False)
    def dashboard():
        index = static / "index.html"
        if not index.is_file():
            raise HTTPException(404, "the dashboard is not installed")
        return FileResponse(index)

    # StaticFiles resolves each path and refuses any outside ``static`` (``..``, encoded or not).
    app.mount("/static", StaticFiles(directory=static, check_dir=False), name="static")
    return app
