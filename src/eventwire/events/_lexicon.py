"""The event lexicon: trigger words with their frames → CAMEO codes, and the CAMEO code table.

Built-in files live in ``eventwire/data/events/`` (see its README): ``lexicon_*.yaml`` (triggers),
``cameo.csv`` (code → label, Goldstein value, PLOVER type/mode/contexts), ``modality.yaml`` and ``reciprocal.yaml``
(two-way acts). Users add or override entries with YAML files of the same shape (``--events FILE``); a malformed
file raises :class:`LexiconError` naming file, line and problem before any document is read.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import yaml

from ..actors._kb import _LineLoader  # YAML with line numbers, shared with the actor files


class LexiconError(ValueError):
    """An event lexicon file that cannot be used; the message names file, line and problem."""


@dataclass(frozen=True)
class CameoCode:
    code: str
    label: str
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    plover_contexts: tuple[str, ...]

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        """CAMEO/GDELT QuadClass of the root: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict."""
        root = int(self.root)
        return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


@dataclass(frozen=True)
class Entry:
    """One trigger: a verb or noun lemma, its frame constraints, and its CAMEO code."""

    lemma: str
    pos: str  # VERB | NOUN
    cameo: str
    particle: str | None = None
    objects: frozenset[str] = frozenset()
    xcomps: frozenset[str] = frozenset()
    preps: tuple[str, ...] = ()
    needs_target: bool = False  # only an event when its target is an actor ("gave … to the Marines")
    origin: str = ""
    governors: frozenset[str] = frozenset()  # nouns: the verb that takes the noun ("went on strike")
    subjects: frozenset[str] = frozenset()  # the subject must be one of these ("peacekeepers arrived")
    not_subjects: frozenset[str] = frozenset()  # … or must not be ("troops arrived" is no visit)
    not_objects: frozenset[str] = frozenset()  # the object must not be one of these ("sent a letter" is no aid)
    clause: bool | None = None  # the verb must (True) or must not (False) take a that-clause ("agreed that …")
    not_naming: bool = False  # not when the verb names its object something ("called the ambassador a stupid guy")
    received: bool = False  # the doer receives: its `from` phrase is the source ("received weapons from Iran")
    transitive: bool = False  # the verb must have an object ("warned Putin", not "warned against a strike")
    intransitive: bool = False  # … or must have none ("protesters demonstrated", not "demonstrated its resolve")

    @property
    def specificity(self) -> int:
        return bool(self.particle) + bool(self.objects) + bool(self.xcomps) + bool(self.governors) + \
            bool(self.subjects) + bool(self.clause)


@dataclass
class Lexicon:
    codes: dict[str, CameoCode] = field(default_factory=dict)
    verbs: dict[str, list[Entry]] = field(default_factory=dict)
    nouns: dict[str, list[Entry]] = field(default_factory=dict)
    modality: dict[str, frozenset[str]] = field(default_factory=dict)
    code_maps: dict[str, dict[str, str]] = field(default_factory=dict)  # intent_codes, threat_codes, …

    def add(self, entry: Entry) -> None:
        table = self.verbs if entry.pos == "VERB" else self.nouns
        entries = [e for e in table.get(entry.lemma, []) if _frame(e) != _frame(entry)]  # later files override
        entries.append(entry)
        entries.sort(key=lambda e: -e.specificity)  # constrained frames are tried first
        table[entry.lemma] = entries

    def words(self, name: str) -> frozenset[str]:
        return self.modality.get(name, frozenset())

    def coded(self, code: str, name: str) -> bool:
        """Whether ``code`` falls under one of the CAMEO roots or code prefixes the list ``name`` holds."""
        return any(code.startswith(prefix) for prefix in self.words(name))


def _frame(e: Entry) -> tuple:
    """What an entry is matched on: an entry with the same word and frame replaces it. A verb's `prep:` is part of
    it ("warn of" is no "warn", "lobby against" no "lobby")."""
    return (e.particle, e.objects, e.xcomps, e.governors, e.subjects, e.not_subjects, e.not_objects, e.clause,
            e.not_naming, frozenset(e.preps), e.received, e.transitive, e.intransitive)


_ENTRY_KEYS = {"verb", "noun", "cameo", "particle", "object", "xcomp", "prep", "governor", "subject", "not_subject",
               "not_object", "clause", "needs_target", "not_naming", "received", "transitive", "intransitive",
               "note",
               "__line__"}


def _words(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise LexiconError(f"{where}: expected a word or a list of words, got {value!r}")
    return tuple(str(v).strip().lower() for v in value if str(v).strip())


def _read_entries(path: Path, lexicon: Lexicon) -> None:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise LexiconError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None
    if data is None:
        return
    if isinstance(data, dict):
        if "modality" in data:
            _read_modality(data["modality"], lexicon, f"{path}:{data.get('__line__', 1)}")
        data = data.get("triggers") or []
    if not isinstance(data, list):
        raise LexiconError(f"{path}: expected a list of trigger entries (or a mapping with `triggers:`)")
    for item in data:
        line = item.get("__line__") if isinstance(item, dict) else None
        where = f"{path}:{line}" if line else str(path)
        if not isinstance(item, dict):
            raise LexiconError(f"{where}: every entry must be a mapping, got {item!r}")
        unknown = set(item) - _ENTRY_KEYS
        if unknown:
            raise LexiconError(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
        if ("verb" in item) == ("noun" in item):
            raise LexiconError(f"{where}: an entry needs exactly one of `verb:` or `noun:`")
        pos = "VERB" if "verb" in item else "NOUN"
        lemma = str(item["verb" if pos == "VERB" else "noun"]).strip().lower()
        code = str(item.get("cameo", "")).strip()
        if code not in lexicon.codes:
            raise LexiconError(f"{where}: cameo: {code!r} is not a CAMEO event code")
        if not lemma:
            raise LexiconError(f"{where}: empty trigger word")
        particle = _words(item.get("particle"), where)
        lexicon.add(Entry(
            lemma, pos, code, particle[0] if particle else None, frozenset(_words(item.get("object"), where)),
            frozenset(_words(item.get("xcomp"), where)), _words(item.get("prep"), where),
            _flag(item.get("needs_target")), where,
            frozenset(_words(item.get("governor"), where)), frozenset(_words(item.get("subject"), where)),
            frozenset(_words(item.get("not_subject"), where)), frozenset(_words(item.get("not_object"), where)),
            None if item.get("clause") is None else _flag(item.get("clause")), _flag(item.get("not_naming")),
            _flag(item.get("received")), _flag(item.get("transitive")), _flag(item.get("intransitive")),
        ))


def _flag(value: Any) -> bool:
    return str(value if value is not None else "").lower() in ("true", "yes", "1")


def _read_modality(section: Any, lexicon: Lexicon, where: str) -> None:
    if not isinstance(section, dict):
        raise LexiconError(f"{where}: modality must be a mapping of word lists")
    for name, words in section.items():
        if name == "__line__":
            continue
        if name.endswith("_codes"):
            if not isinstance(words, dict):
                raise LexiconError(f"{where}: {name} must map CAMEO codes or roots to CAMEO codes")
            for key, code in words.items():
                if key == "__line__":
                    continue
                if str(code) not in lexicon.codes:
                    raise LexiconError(f"{where}: {name}: {code!r} is not a CAMEO event code")
                lexicon.code_maps.setdefault(name, {})[str(key)] = str(code)
            continue
        lexicon.modality[name] = lexicon.modality.get(name, frozenset()) | frozenset(_words(words, where))


def _read_codes(path: Path) -> dict[str, CameoCode]:
    codes = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            codes[row["code"]] = CameoCode(
                row["code"], row["label"], float(row["goldstein"]), row["plover_type"] or None,
                row["plover_mode"] or None, tuple(c for c in row["plover_contexts"].split(";") if c),
            )
    return codes


def _builtin_dir() -> Path:
    return Path(str(resources.files("eventwire") / "data" / "events"))


def load_lexicon(extra_files: Iterable[str] = ()) -> Lexicon:
    """The built-in lexicon plus the user's files (their entries replace built-in ones with the same frame)."""
    return _load(tuple(extra_files))


@lru_cache(maxsize=8)
def _load(extra_files: tuple[str, ...]) -> Lexicon:
    base = _builtin_dir()
    lexicon = Lexicon(codes=_read_codes(base / "cameo.csv"))
    _read_entries(base / "modality.yaml", lexicon)
    _read_entries(base / "reciprocal.yaml", lexicon)
    for path in sorted(base.glob("lexicon_*.yaml")):
        _read_entries(path, lexicon)
    for name in extra_files:
        path = Path(name)
        if not path.is_file():
            raise LexiconError(f"{name}: no such event lexicon file")
        _read_entries(path, lexicon)
    return lexicon
