"""The public Python API: the plain functions the CLI (and later the HTTP API) call."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version

from .config import Settings, load_settings
from .contract import to_record
from .readers import count_articles, read_articles
from .nlp import load_pipeline
from .pipeline import analyze
from .progress import progress_bar, progress_enabled
from .records import AnalyzedDocument, Article, ReadError
from .store import DEFAULT_DB, Store

try:
    __version__ = version("eventwire")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0+unknown"

ErrorHandler = Callable[[ReadError], None]


def _ignore(_: ReadError) -> None:
    pass


def _articles(items: Iterable[Article | ReadError], on_error: ErrorHandler) -> Iterator[Article]:
    for item in items:
        if isinstance(item, ReadError):
            on_error(item)
        else:
            yield item


def extract(
    paths: Sequence[str] | None,
    settings: Settings | None = None,
    *,
    input_format: str | None = None,
    default_date: str | None = None,
    on_error: ErrorHandler = _ignore,
) -> Iterator[dict]:
    """Contract records (``eventwire.extract/1``) for every readable document of ``paths``, in input order."""
    for doc in analyze_paths(paths, settings, input_format=input_format, default_date=default_date, on_error=on_error):
        yield to_record(doc)


def analyze_paths(
    paths: Sequence[str] | None,
    settings: Settings | None = None,
    *,
    input_format: str | None = None,
    default_date: str | None = None,
    on_error: ErrorHandler = _ignore,
) -> Iterator[AnalyzedDocument]:
    """Read and analyse every document of ``paths``; unreadable inputs go to ``on_error``."""
    items = read_articles(paths, input_format=input_format, default_date=default_date)
    return analyze(_articles(items, on_error), settings or load_settings())


@dataclass
class IngestReport:
    added: int = 0
    skipped: int = 0  # already in the store
    read_errors: list[ReadError] = field(default_factory=list)
    words: int = 0
    seconds: float = 0.0
    run_id: int | None = None


def ingest(
    paths: Sequence[str] | None,
    db: str = DEFAULT_DB,
    settings: Settings | None = None,
    *,
    input_format: str | None = None,
    default_date: str | None = None,
    force: bool = False,
    progress: bool | None = None,
    on_error: ErrorHandler = _ignore,
    on_document: Callable[[AnalyzedDocument], None] | None = None,
) -> IngestReport:
    """Analyse the documents of ``paths`` into the store ``db``, each article in one transaction.

    Articles already stored are skipped before parsing (``force`` re-processes
    and replaces them). ``progress=None`` shows a bar only on a terminal.
    """
    settings = settings or load_settings()
    report = IngestReport()
    started = time.perf_counter()
    show = progress_enabled() if progress is None else progress
    nlp = load_pipeline(settings.model)  # fail on a missing model before touching the store
    with Store(db) as store:
        report.run_id = store.start_run(
            command="ingest",
            version=__version__,
            model=settings.model,
            model_version=nlp.meta.get("version"),
            settings=settings.as_dict(),
        )
        total = count_articles(paths, input_format=input_format) if show else None
        with progress_bar(total, enabled=show) as bar:

            def errors(error: ReadError) -> None:
                report.read_errors.append(error)
                bar.update(1)
                on_error(error)

            seen: set[str] = set()

            def new_articles() -> Iterator[Article]:
                items = read_articles(paths, input_format=input_format, default_date=default_date)
                for article in _articles(items, errors):
                    duplicate = article.id in seen
                    seen.add(article.id)
                    if duplicate or (not force and store.stored_ids([article.id])):
                        report.skipped += 1
                        bar.update(1)
                        continue
                    yield article

            for doc in analyze(new_articles(), settings):
                if store.save(doc, run_id=report.run_id, replace=force):
                    report.added += 1
                    report.words += len(doc.article.text.split())
                else:
                    report.skipped += 1
                if on_document:
                    on_document(doc)
                bar.update(1)
        report.seconds = time.perf_counter() - started
        store.finish_run(
            report.run_id, added=report.added, skipped=report.skipped, read_errors=len(report.read_errors)
        )
    return report


def summary(db: str = DEFAULT_DB, *, top: int = 10, first_events: int = 5) -> dict:
    """Counts, top actors, top dyads and the first events with their evidence sentences."""
    from .store import Filters

    with Store(db, readonly=True) as store:
        return {
            "counts": store.counts(),
            "top_actors": store.actors(Filters(limit=top)),
            "top_dyads": store.dyads(Filters(limit=top)),
            "first_events": store.events(Filters(limit=first_events)),
        }
