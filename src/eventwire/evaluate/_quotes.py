"""``eventwire eval quotes``: quotations and reported speech against PolNeAR attribution relations.

Gold
    ``polnear/<split>/attributions/<article>_<annotator>.ann`` (brat standoff; see ``polnear/SOURCE.md``).
    Every ``E`` line is one gold relation; its ``Content`` (plus ``Content2`` when the annotator split the
    content into two entities) is the quote, ``Source`` the speaker and ``Cue`` the cue.  ``T`` spans may be
    discontinuous (``start end;start end``); they are kept as fragments, and the text is taken from the
    ``.txt`` by offset (the ``.ann`` copy is not trusted).  ``E`` lines without a Content are skipped (and
    counted); ``Attribution-no-source`` relations are gold quotes without a Source.  Unlinked ``T`` lines
    (``Discard``, ``Discuss``, notes) are ignored.

    One annotator file per article: the lexicographically smallest annotator id.  Articles with several
    files are the agreement set, annotated by all six annotators, so this always picks the same annotator
    (``4b22``) and does not depend on what was annotated (choosing the fullest file would favour recall).
    No relation is counted twice.  ``--split all`` is train + dev + test; ``annotator-training`` (the
    four training articles) is never scored.

    A gold relation is *direct* when its Content text contains a quotation mark (``"``, ``“``, ``”``, two
    apostrophes ``''`` or two backticks ````` ``), otherwise *indirect* (PolNeAR's mixed quotes are therefore
    direct).  A predicted quote's kind is its ``Quote.kind``, with ``mixed`` counted as direct.

Scores
    *Content*: within each article, predicted and gold contents are matched one to one, greedily by best
    overlap (ties to the earlier gold, then the earlier prediction), when the overlap is at least 0.5.
    Overlap is :func:`._common.overlap` (intersection over the longer span), generalised to discontinuous
    gold spans: characters shared with any fragment over the longer of the two total lengths (the text between
    fragments, e.g. an interrupting "he said", is in neither).  A predicted direct quote split by its attribution
    is scored by its ``parts`` in the same way (PolNeAR joins the parts of one quotation, "“A,” he said. “B.”",
    into one relation with a Content per part).  Matching ignores kinds; then

    - precision of kind K = predicted quotes of kind K matched to any gold relation / predicted of kind K,
    - recall of kind K = gold relations of kind K matched to any prediction / gold of kind K,
    - ``all`` = the same over every quote (here the two matched counts are equal).

    *Speaker accuracy* (per gold kind and all), over matched pairs whose gold relation has a Source: right
    when the predicted speaker's ``ActorRef`` span, or any mention of that actor (pronouns found by
    coreference included), shares at least one character with the gold Source.  A missing speaker is wrong.

    *Cue accuracy* (per gold kind and all), over matched pairs whose gold relation has a Cue: right when the
    predicted cue shares at least one character with the gold Cue; a missing cue is wrong.

Misses: gold relations left unmatched, predictions left unmatched (spurious) and wrong speakers, each with
the article id and a little context (the span between ``⟦ ⟧``).

:func:`score_quotes` is the pure part (gold documents + analysed documents → scores);
:func:`read_polnear` reads the gold; :func:`evaluate_quotes` reads, runs the pipeline and scores.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Settings
from ..pipeline import analyze
from ..records import Actor, AnalyzedDocument, Article, Quote
from ._common import overlap, require

SPLITS = ("train", "dev", "test")
KINDS = ("direct", "indirect")
QUOTE_MARKS = ('"', "“", "”", "''", "``")
MIN_OVERLAP = 0.5

Fragments = tuple[tuple[int, int], ...]

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class GoldRelation:
    """One PolNeAR attribution relation; spans are fragment tuples, empty when the role is absent."""

    id: str  # the E line, "E3"
    kind: str  # direct | indirect
    content: Fragments
    source: Fragments = ()
    cue: Fragments = ()


@dataclass
class GoldDocument:
    id: str  # file name without .txt
    text: str
    relations: list[GoldRelation]
    date: str | None = None
    annotator: str | None = None
    annotators: int = 1  # how many annotator files the article has
    skipped: int = 0  # E lines without a Content


def quote_kind(content_text: str) -> str:
    return "direct" if any(mark in content_text for mark in QUOTE_MARKS) else "indirect"


def fragment_text(text: str, fragments: Fragments) -> str:
    return " … ".join(text[s:e] for s, e in fragments)


def read_brat(ann_path: Path, text: str) -> tuple[list[GoldRelation], int]:
    """The relations of one ``.ann`` file (and how many ``E`` lines had no Content), in file order."""
    spans: dict[str, Fragments] = {}
    events: list[tuple[str, dict[str, list[str]]]] = []
    with open(ann_path, encoding="utf-8", newline="") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if m := _T_LINE.match(line):
                spans[m.group(1)] = tuple(
                    tuple(int(x) for x in part.split()) for part in m.group(3).split(";"))  # type: ignore[misc]
            elif m := _E_LINE.match(line):
                roles: dict[str, list[str]] = {}
                for arg in m.group(2).split():
                    role, _, ref = arg.partition(":")
                    roles.setdefault(role, []).append(ref)
                events.append((m.group(1), roles))
    relations, skipped = [], 0

    def collect(roles: dict[str, list[str]], *names: str) -> Fragments:
        frags = {f for name in names for ref in roles.get(name, ()) for f in spans.get(ref, ())}
        return tuple(sorted(frags))

    for event_id, roles in events:
        content = collect(roles, "Content", "Content2")
        if not content:
            skipped += 1
            continue
        relations.append(GoldRelation(event_id, quote_kind(fragment_text(text, content)), content,
                                      collect(roles, "Source"), collect(roles, "Cue")))
    return relations, skipped


def _read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:  # no newline translation: offsets index the raw file
        return f.read()


def _dates(folder: Path) -> dict[str, str]:
    path = folder / "metadata.tsv"
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        at_name, at_date = header.index("filename"), header.index("publication_date")
        rows = (line.rstrip("\n").split("\t") for line in f)
        return {r[at_name]: r[at_date] for r in rows if len(r) > max(at_name, at_date) and _DATE.match(r[at_date])}


def read_polnear(folder: Path, split: str = "dev", limit: int | None = None) -> list[GoldDocument]:
    """Gold documents of ``split`` (train, dev, test or all), in split then file-name order."""
    if split not in (*SPLITS, "all"):
        raise ValueError(f"unknown PolNeAR split {split!r}")
    dates = _dates(folder)
    docs: list[GoldDocument] = []
    for name in SPLITS if split == "all" else (split,):
        base = require(folder / name)
        by_article: dict[str, list[tuple[str, Path]]] = {}
        for ann in (base / "attributions").glob("*.ann"):
            article, _, annotator = ann.stem.rpartition("_")
            by_article.setdefault(article, []).append((annotator, ann))
        for txt in sorted((base / "text").glob("*.txt")):
            if limit is not None and len(docs) >= limit:
                return docs
            files = sorted(by_article.get(txt.stem, []))
            text = _read_text(txt)
            relations, skipped = read_brat(files[0][1], text) if files else ([], 0)
            docs.append(GoldDocument(txt.stem, text, relations, dates.get(txt.stem),
                                     files[0][0] if files else None, len(files), skipped))
    return docs


# --- scoring -------------------------------------------------------------------------------------------------


def span_overlap(a: Fragments, b: Fragments) -> float:
    """:func:`overlap` for (possibly) discontinuous spans: shared characters over the longer total length."""
    if len(a) == 1 and len(b) == 1:
        return overlap(a[0], b[0])
    inter = sum(max(0, min(x[1], y[1]) - max(x[0], y[0])) for x in a for y in b)
    longest = max(sum(e - s for s, e in a), sum(e - s for s, e in b))
    return inter / longest if longest else 0.0


def touches(a: Fragments, b: Fragments) -> bool:
    """The two spans share at least one character."""
    return any(min(x[1], y[1]) > max(x[0], y[0]) for x in a for y in b)


def said_spans(quote: Quote) -> Fragments:
    """What a quote says: its ``parts`` when the attribution splits a direct quotation, else its content."""
    if len(quote.parts) > 1:
        return tuple((p.start, p.end) for p in quote.parts)
    return ((quote.content.start, quote.content.end),)


def predicted_kind(quote: Quote) -> str:
    return "indirect" if quote.kind == "indirect" else "direct"  # mixed quotes carry quotation marks


def match(gold: list[Fragments], predicted: list[Fragments], threshold: float = MIN_OVERLAP) -> dict[int, int]:
    """One-to-one greedy matching by best overlap (≥ threshold): gold index → predicted index."""
    pairs = sorted(((-o, g, p) for g, gs in enumerate(gold) for p, ps in enumerate(predicted)
                    if (o := span_overlap(gs, ps)) >= threshold))
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, g, p in pairs:
        if g not in out and p not in used:
            out[g] = p
            used.add(p)
    return out


def _scores(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp_predicted": tp_pred,
            "predicted": n_pred, "tp_gold": tp_gold, "gold": n_gold}


def _accuracy(right: int, n: int) -> dict:
    return {"accuracy": round(right / n, 4) if n else 0.0, "correct": right, "scored": n}


def _context(text: str, fragments: Fragments, width: int = 60, longest: int = 240) -> str:
    start, end = fragments[0][0], fragments[-1][1]
    inner = fragment_text(text, fragments)
    if len(inner) > longest:
        inner = f"{inner[:longest // 2]} … {inner[-longest // 2:]}"
    left, right = text[max(0, start - width):start], text[end:end + width]
    shown = f"{'…' if start > width else ''}{left}⟦{inner}⟧{right}{'…' if end + width < len(text) else ''}"
    return " ".join(shown.split())


def _speaker_name(quote: Quote, actors: dict[str, Actor]) -> str | None:
    if quote.speaker is None:
        return None
    actor = actors.get(quote.speaker.actor_id)
    return f"{actor.name} ({quote.speaker.span.text!r})" if actor else quote.speaker.span.text


def speaker_is_right(quote: Quote, gold_source: Fragments, actors: dict[str, Actor]) -> bool:
    if quote.speaker is None:
        return False
    spans = [(quote.speaker.span.start, quote.speaker.span.end)]
    actor = actors.get(quote.speaker.actor_id)
    if actor:
        spans += [(m.span.start, m.span.end) for m in actor.mentions]
    return any(touches((s,), gold_source) for s in spans)


@dataclass
class _Tally:
    gold: dict = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    gold_hit: dict = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    pred: dict = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    pred_hit: dict = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    speaker: dict = field(default_factory=lambda: {k: [0, 0] for k in KINDS})  # kind → [right, scored]
    cue: dict = field(default_factory=lambda: {k: [0, 0] for k in KINDS})


def score_quotes(pairs: Iterable[tuple[GoldDocument, AnalyzedDocument]], *, max_errors: int = 50) -> dict:
    """Scores of predicted quotes against gold relations, article by article (see the module docstring)."""
    t = _Tally()
    missed, spurious, wrong_speakers = [], [], []
    n_missed = n_spurious = n_wrong = 0
    n_articles = n_multi = n_skipped = n_with_source = n_with_cue = 0
    n_mixed = 0
    for gold_doc, doc in pairs:
        text = gold_doc.text
        n_articles += 1
        n_multi += gold_doc.annotators > 1
        n_skipped += gold_doc.skipped
        actors = {a.id: a for a in doc.actors}
        quotes = list(doc.quotes)
        gold = gold_doc.relations
        links = match([r.content for r in gold], [said_spans(q) for q in quotes])
        matched_pred = set(links.values())
        for i, rel in enumerate(gold):
            t.gold[rel.kind] += 1
            n_with_source += bool(rel.source)
            n_with_cue += bool(rel.cue)
            if i not in links:
                n_missed += 1
                if len(missed) < max_errors:
                    missed.append({"id": gold_doc.id, "relation": rel.id, "kind": rel.kind,
                                   "content": fragment_text(text, rel.content),
                                   "source": fragment_text(text, rel.source) or None,
                                   "cue": fragment_text(text, rel.cue) or None,
                                   "context": _context(text, rel.content)})
                continue
            t.gold_hit[rel.kind] += 1
            quote = quotes[links[i]]
            if rel.source:
                right = speaker_is_right(quote, rel.source, actors)
                t.speaker[rel.kind][0] += right
                t.speaker[rel.kind][1] += 1
                if not right:
                    n_wrong += 1
                    if len(wrong_speakers) < max_errors:
                        wrong_speakers.append({"id": gold_doc.id, "relation": rel.id, "kind": rel.kind,
                                               "gold_source": fragment_text(text, rel.source),
                                               "predicted": _speaker_name(quote, actors),
                                               "context": _context(text, rel.content)})
            if rel.cue:
                t.cue[rel.kind][0] += quote.cue is not None and touches(((quote.cue.start, quote.cue.end),), rel.cue)
                t.cue[rel.kind][1] += 1
        for j, quote in enumerate(quotes):
            kind = predicted_kind(quote)
            n_mixed += quote.kind == "mixed"
            t.pred[kind] += 1
            if j in matched_pred:
                t.pred_hit[kind] += 1
                continue
            n_spurious += 1
            if len(spurious) < max_errors:
                span = ((quote.content.start, quote.content.end),)
                spurious.append({"id": gold_doc.id, "quote": quote.id, "kind": quote.kind,
                                 "content": quote.content.text, "speaker": _speaker_name(quote, actors),
                                 "context": _context(text, span)})

    def total(d: dict) -> int:
        return sum(d.values())

    content = {k: _scores(t.pred_hit[k], t.pred[k], t.gold_hit[k], t.gold[k]) for k in KINDS}
    content["all"] = _scores(total(t.pred_hit), total(t.pred), total(t.gold_hit), total(t.gold))
    speaker = {k: _accuracy(*t.speaker[k]) for k in KINDS}
    speaker["all"] = _accuracy(sum(v[0] for v in t.speaker.values()), sum(v[1] for v in t.speaker.values()))
    cue = {k: _accuracy(*t.cue[k]) for k in KINDS}
    cue["all"] = _accuracy(sum(v[0] for v in t.cue.values()), sum(v[1] for v in t.cue.values()))
    return {
        "gold": {"articles": n_articles, "relations": total(t.gold), "direct": t.gold["direct"],
                 "indirect": t.gold["indirect"], "with_source": n_with_source, "with_cue": n_with_cue,
                 "skipped_without_content": n_skipped, "articles_with_several_annotators": n_multi},
        "predicted": {"quotes": total(t.pred), "direct": t.pred["direct"], "indirect": t.pred["indirect"],
                      "mixed": n_mixed},
        "content": content,
        "speaker": speaker,
        "cue": cue,
        "note": f"content matched one to one at overlap >= {MIN_OVERLAP}; direct = content with a quotation mark, "
                "predicted mixed counted as direct; speaker/cue accuracy over matched pairs with a gold source/cue",
        "missed": missed, "spurious": spurious, "wrong_speakers": wrong_speakers,
        "n_missed": n_missed, "n_spurious": n_spurious, "n_wrong_speakers": n_wrong,
    }


def evaluate_quotes(data: Path, settings: Settings, *, split: str = "dev", limit: int | None = None,
                    max_errors: int = 50) -> dict:
    """PolNeAR ``split`` (dev by default; ``all`` = train + dev + test), optionally its first ``limit`` articles."""
    gold = read_polnear(require(data / "polnear"), split, limit)
    docs = analyze((Article(id=g.id, text=g.text, date=g.date) for g in gold), settings)
    result = score_quotes(zip(gold, docs), max_errors=max_errors)
    return {"split": split} | result
