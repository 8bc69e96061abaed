"""Benchmark: `eventwire extract` against bare spaCy `nlp.pipe` on the same texts.

    python benchmarks/bench_extract.py [--allsides N] [--repeat R] [--json FILE]

Texts: the bundled samples plus, when ../shared is present, the first N AllSides
articles. Both sides use the same loaded pipeline and batch size; each is run
R times, alternating, and the fastest run counts. The figure is the ratio
extract time / bare nlp.pipe time (1.00 = eventwire adds nothing).
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import sys
import time
from pathlib import Path

import eventwire
from eventwire.contract import to_record
from eventwire.dates import date_events, resolve_dates
from eventwire.actors import actor_resolver
from eventwire.events import event_coder
from eventwire.gazetteer import gazetteer
from eventwire.places import places_and_locations
from eventwire.quotes import quote_finder
from eventwire.nlp import load_pipeline, sentences_and_entities
from eventwire.pipeline import analyze

ROOT = Path(__file__).resolve().parent.parent
ALLSIDES = ROOT.parent / "shared" / "data" / "allsides-political-news" / "articles.jsonl.gz"


def load_articles(n_allsides: int) -> list[eventwire.Article]:
    articles = [a for a in eventwire.read_articles([str(ROOT / "samples")]) if isinstance(a, eventwire.Article)]
    if n_allsides and ALLSIDES.is_file():
        with gzip.open(ALLSIDES, "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i >= n_allsides:
                    break
                row = json.loads(line)
                articles.append(eventwire.Article(id=row["id"], text=row["text"], date=row["date"]))
    return articles


def time_bare(nlp, texts: list[str], batch_size: int, keep: list | None = None) -> float:
    start = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=batch_size):
        if keep is not None:
            keep.append(doc)
    return time.perf_counter() - start


def time_stages(docs, articles, settings) -> dict[str, float]:
    """Seconds each eventwire stage spends on already-parsed Docs."""
    resolver = actor_resolver(load_pipeline(settings.model), tuple(settings.actors_files))
    detector = event_coder(tuple(settings.events_files))
    finder = quote_finder()
    parts = [sentences_and_entities(doc) for doc in docs]
    actors = [resolver(doc, a.date) for doc, a in zip(docs, articles)]
    events = [detector.detect(doc, actors[n], parts[n][0], a.date) for n, (doc, a) in enumerate(zip(docs, articles))]
    stages = {
        "sentences_entities": lambda n: sentences_and_entities(docs[n]),
        "actors": lambda n: resolver(docs[n], articles[n].date),
        "events": lambda n: detector.detect(docs[n], actors[n], parts[n][0], articles[n].date),
        "quotes": lambda n: finder.find(docs[n], list(actors[n]), [s.start for s in parts[n][0]]),
        "dates": lambda n: date_events(events[n], resolve_dates(docs[n], articles[n].date, articles[n].text),
                                       docs[n], articles[n].date),
        "places": lambda n: places_and_locations(docs[n], actors[n], events[n], articles[n].text),
    }
    gazetteer()  # loaded once per process: not part of any document's cost (main() reports it)
    seconds = {}
    for name, stage in stages.items():
        start = time.perf_counter()
        for n in range(len(docs)):
            stage(n)
        seconds[name] = time.perf_counter() - start
    return seconds


def time_extract(articles, settings) -> float:
    start = time.perf_counter()
    for doc in analyze(articles, settings):
        json.dumps(to_record(doc), ensure_ascii=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--allsides", type=int, default=200, help="AllSides articles to add (default 200)")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()

    settings = eventwire.load_settings()
    nlp = load_pipeline(settings.model)
    articles = load_articles(args.allsides)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    time_extract(articles[:5], settings)  # warm-up, and the knowledge base loaded once
    bare, extract, docs = [], [], []
    for n in range(args.repeat):
        bare.append(time_bare(nlp, texts, settings.batch_size, keep=docs if n == 0 else None))
        extract.append(time_extract(articles, settings))
    b, e = min(bare), min(extract)
    runs = [time_stages(docs, articles, settings) for _ in range(args.repeat)]
    stages = {name: min(run[name] for run in runs) for name in runs[0]}
    result = {
        "documents": len(texts),
        "words": words,
        "model": settings.model,
        "components": nlp.pipe_names,
        "batch_size": settings.batch_size,
        "bare_nlp_pipe": {"seconds": round(b, 2), "docs_per_s": round(len(texts) / b, 2), "words_per_s": round(words / b)},
        "extract": {"seconds": round(e, 2), "docs_per_s": round(len(texts) / e, 2), "words_per_s": round(words / e)},
        "ratio_extract_over_bare": round(e / b, 3),
        "stage_seconds": {k: round(v, 3) for k, v in stages.items()},
        "stage_share_of_bare": {k: round(v / b, 4) for k, v in stages.items()},
        "python": platform.python_version(),
        "eventwire": eventwire.__version__,
    }
    print(f"{len(texts)} documents, {words} words, model {settings.model} ({', '.join(nlp.pipe_names)})")
    print(f"  bare nlp.pipe : {result['bare_nlp_pipe']['docs_per_s']:8.2f} docs/s {result['bare_nlp_pipe']['words_per_s']:8d} words/s")
    print(f"  extract       : {result['extract']['docs_per_s']:8.2f} docs/s {result['extract']['words_per_s']:8d} words/s")
    print(f"  ratio extract / bare nlp.pipe = {result['ratio_extract_over_bare']:.3f}")
    for name, share in result["stage_share_of_bare"].items():
        print(f"  stage {name:20s}: {stages[name]:7.2f} s = {100 * share:5.1f}% of the bare spaCy pass")
    gazetteer.cache_clear()
    start = time.perf_counter()
    gazetteer()
    result["gazetteer_load_seconds"] = round(time.perf_counter() - start, 2)
    print(f"  gazetteer load (once per process, from the per-user cache): {result['gazetteer_load_seconds']:.2f} s")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))
    sys.exit(0)


if __name__ == "__main__":
    main()
