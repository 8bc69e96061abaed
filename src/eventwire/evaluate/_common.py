"""Helpers shared by the evaluations: reading gold files, span matching, P/R/F1."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def require(path: Path) -> Path:
    if not path.exists():
        from . import DataMissing

        raise DataMissing(f"{path}: gold data not found (set --data or EVENTWIRE_DATA to the shared/data folder)")
    return path


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "predicted": n_pred,
            "gold": n_gold}


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Overlap of two character spans relative to the longer one (1.0 = identical)."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    longest = max(a[1] - a[0], b[1] - b[0])
    return inter / longest if longest else 0.0


@dataclass
class ConllSentence:
    text: str
    spans: list[tuple[int, int, str]]  # char start, end, tag type (S, T, R …)


def read_conll_bio(path: Path) -> list[ConllSentence]:
    """``token TAG`` lines, blank line between sentences → text joined by spaces and typed char spans."""
    sentences: list[ConllSentence] = []
    tokens: list[tuple[str, str]] = []

    def flush() -> None:
        if not tokens:
            return
        text, spans = "", []
        current: list | None = None
        for token, tag in tokens:
            start = len(text) + (1 if text else 0)
            text = f"{text} {token}" if text else token
            end = len(text)
            if tag.startswith("B-") or (tag.startswith("I-") and (current is None or current[2] != tag[2:])):
                if current:
                    spans.append(tuple(current))
                current = [start, end, tag[2:]]
            elif tag.startswith("I-") and current:
                current[1] = end
            else:
                if current:
                    spans.append(tuple(current))
                current = None
        if current:
            spans.append(tuple(current))
        sentences.append(ConllSentence(text, spans))
        tokens.clear()

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                flush()
                continue
            token, _, tag = line.rpartition(" ")
            tokens.append((token, tag))
    flush()
    return sentences
