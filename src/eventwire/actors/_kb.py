"""Reading the actor knowledge base: states, seats of power, regions, peoples, organisations, people in office,
sectors.

The built-in files live in ``eventwire/data/actors/`` (documented in its
README); users add or override entries with files of the same shape
(``--actors FILE``: a CSV whose header names its kind, or a YAML file with
``countries``, ``seats``, ``regions``, ``peoples``, ``organizations``, ``people`` and
``sectors`` sections). A malformed file raises :class:`KBError` naming file, line and
problem, before any document is processed.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import yaml

from ._model import (
    GROUP_CODES,
    ActorKB,
    Country,
    KBError,
    Office,
    Organization,
    People,
    Person,
    Region,
    Seat,
    SurfaceRef,
    surname_forms,
)

__all__ = ["GROUP_CODES", "ActorKB", "Country", "KBError", "Office", "Organization", "People", "Person", "Region",
           "Seat", "SurfaceRef", "load_kb", "surname_forms"]

_ISO3 = re.compile(r"^[A-Z]{3}$")

# -- reading -----------------------------------------------------------------

_KINDS = {
    "countries": ("iso3", "name", "aliases", "demonyms", "capital", "cameo"),
    "seats": ("name", "aliases", "country", "sector", "note"),
    "regions": ("name", "aliases", "country", "kind"),
    "peoples": ("group", "aliases", "kind", "country", "note"),
    "organizations": ("org_id", "name", "aliases", "country", "sectors", "cameo_code", "start", "end", "note"),
    "people": ("person_id", "name", "aliases", "gender", "country", "sector", "role", "start", "end", "died", "org"),
}
_REQUIRED = {
    "countries": ("iso3", "name"),
    "seats": ("name", "country", "sector"),
    "regions": ("name", "country", "kind"),
    "peoples": ("group", "kind"),
    "organizations": ("org_id", "name"),
    "people": ("person_id", "name", "country", "sector", "role"),
}


def _split(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return tuple(v.strip() for v in str(value).split("|") if v.strip())


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


class _Loader:
    """Applies rows of one file to a KB, with file:line in every error."""

    def __init__(self, kb: ActorKB, origin: str, override: bool) -> None:
        self.kb, self.origin, self.override = kb, origin, override
        self.people_seen: set[str] = set()

    def fail(self, line: int | None, message: str) -> KBError:
        where = self.origin if line is None else f"{self.origin}:{line}"
        return KBError(f"{where}: {message}")

    def date(self, value: Any, line: int, column: str) -> date | None:
        text = _text(value)
        if not text:
            return None
        if isinstance(value, date):
            return value
        if re.fullmatch(r"\d{4}", text):
            text += "-01-01"
        elif re.fullmatch(r"\d{4}-\d{2}", text):
            text += "-01"
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise self.fail(line, f"{column}: {text!r} is not a date (YYYY-MM-DD)") from None

    def country(self, value: Any, line: int, column: str = "country", required: bool = True) -> str | None:
        code = _text(value).upper()
        if not code:
            if required:
                raise self.fail(line, f"{column} is required")
            return None
        if not _ISO3.match(code):
            raise self.fail(line, f"{column}: {code!r} is not an ISO 3166-1 alpha-3 code or IGO/NGO")
        return code

    def sector(self, value: Any, line: int) -> str:
        code = _text(value).upper()
        if code not in self.kb.sectors:
            raise self.fail(line, f"sector: {code!r} is not a known sector ({', '.join(sorted(self.kb.sectors))})")
        return code

    def row(self, kind: str, row: dict[str, Any], line: int) -> None:
        unknown = set(row) - set(_KINDS[kind])
        if unknown:
            raise self.fail(line, f"unknown column(s) {', '.join(sorted(map(str, unknown)))} for {kind}")
        for column in _REQUIRED[kind]:
            if not _text(row.get(column)):
                raise self.fail(line, f"{column} is required")
        getattr(self, f"_{kind}")(row, line)

    def _countries(self, row: dict, line: int) -> None:
        iso3 = self.country(row["iso3"], line, "iso3")
        self.kb.countries[iso3] = Country(
            iso3, _text(row["name"]), _split(row.get("aliases")), _split(row.get("demonyms")),
            _split(row.get("capital")), _text(row.get("cameo")).upper(),
        )

    def _seats(self, row: dict, line: int) -> None:
        name = _text(row["name"])
        self.kb.seats[name] = Seat(name, _split(row.get("aliases")), self.country(row["country"], line),
                                   self.sector(row["sector"], line))

    def _regions(self, row: dict, line: int) -> None:
        kind = _text(row["kind"]).lower()
        if kind not in ("admin1", "region", "district"):
            raise self.fail(line, f"kind: {kind!r} must be admin1, region or district")
        name = _text(row["name"])
        self.kb.regions[name] = Region(name, _split(row.get("aliases")), self.country(row["country"], line), kind)

    def _peoples(self, row: dict, line: int) -> None:
        kind = _text(row["kind"]).lower()
        if kind not in ("ethnic", "religious", "political"):
            raise self.fail(line, f"kind: {kind!r} must be ethnic, religious or political")
        name = _text(row["group"])
        self.kb.peoples[name] = People(name, _split(row.get("aliases")), kind,
                                       self.country(row.get("country"), line, required=False))

    def _organizations(self, row: dict, line: int) -> None:
        org_id = _text(row["org_id"])
        sectors = tuple(self.sector(s, line) for s in _split(row.get("sectors")))
        self.kb.organizations[org_id] = Organization(
            org_id, _text(row["name"]), _split(row.get("aliases")),
            self.country(row.get("country"), line, required=False), sectors,
            _text(row.get("cameo_code")).upper() or None,
        )

    def _people(self, row: dict, line: int) -> None:
        person_id = _text(row["person_id"])
        start = self.date(row.get("start"), line, "start")
        end = self.date(row.get("end"), line, "end")
        if start and end and end < start:
            raise self.fail(line, f"end {end} is before start {start}")
        gender = _text(row.get("gender")).lower() or None
        if gender not in (None, "m", "f"):
            raise self.fail(line, f"gender: {gender!r} must be m, f or empty")
        office = Office(self.country(row["country"], line), self.sector(row["sector"], line), _text(row["role"]),
                        start, end, _text(row.get("org")) or None)
        person = self.kb.people.get(person_id)
        if person is None or (self.override and person_id not in self.people_seen):
            # A user file's rows for a known person replace the built-in rows.
            person = self.kb.people[person_id] = Person(person_id, _text(row["name"]))
        self.people_seen.add(person_id)
        person.name = _text(row["name"]) or person.name
        person.aliases = tuple(dict.fromkeys(person.aliases + _split(row.get("aliases"))))
        person.gender = gender or person.gender
        person.died = self.date(row.get("died"), line, "died") or person.died
        person.offices.append(office)

    def resolution_section(self, section: Any, line: int | None) -> None:
        if not isinstance(section, dict):
            raise self.fail(line, "resolution must be a mapping of word lists")
        for name, words in section.items():
            if not isinstance(words, list):
                raise self.fail(line, f"resolution: {name} must be a list")
            merged = self.kb.rules.get(name, ()) + tuple(str(w).lower() for w in words)
            self.kb.rules[name] = tuple(dict.fromkeys(merged))

    def sectors_section(self, section: Any, line: int | None) -> None:
        if not isinstance(section, dict):
            raise self.fail(line, "sectors must be a mapping of sector codes")
        for code, entry in section.items():
            code = str(code).upper()
            if not re.fullmatch(r"[A-Z]{3}", code):
                raise self.fail(line, f"sector code {code!r} must be three letters")
            if entry is None:
                entry = {}
            if not isinstance(entry, dict):
                raise self.fail(line, f"sector {code}: expected a mapping with label, titles, nouns")
            unknown = set(entry) - {"label", "titles", "nouns", "heads", "org_heads"}
            if unknown:
                raise self.fail(line, f"sector {code}: unknown key(s) {', '.join(sorted(unknown))}")
            merged = dict(self.kb.sectors.get(code, {}))
            for key in ("titles", "nouns", "heads", "org_heads"):
                values = entry.get(key) or []
                if not isinstance(values, list):
                    raise self.fail(line, f"sector {code}: {key} must be a list")
                merged[key] = list(dict.fromkeys((merged.get(key) or []) + [str(v) for v in values]))
            merged["label"] = entry.get("label", merged.get("label", code))
            self.kb.sectors[code] = merged


def _read_csv(path: Path, kb: ActorKB, override: bool, kind: str | None = None) -> None:
    loader = _Loader(kb, str(path), override)
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            header = tuple(h.strip() for h in (reader.fieldnames or ()))
            if kind is None:
                kind = next((k for k, cols in _KINDS.items() if header and header[0] == cols[0]
                             and set(_REQUIRED[k]) <= set(header)), None)
                if kind is None:
                    raise loader.fail(1, "header does not name a known kind (first column must be one of "
                                         "iso3, name, group, org_id, person_id)")
            missing = [c for c in _REQUIRED[kind] if c not in header]
            if missing:
                raise loader.fail(1, f"header lacks column(s) {', '.join(missing)} for {kind}")
            for row in reader:
                line = reader.line_num
                if None in row:
                    raise loader.fail(line, f"{len(header) + len(row[None])} fields, header has {len(header)}")
                clean = {k.strip(): v for k, v in row.items() if k is not None}
                if not any(_text(v) for v in clean.values()):
                    continue
                loader.row(kind, clean, line)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise loader.fail(None, f"cannot read: {exc}") from None


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that remembers the line of every mapping, for error messages, and reads yes/no/on/off
    as words: in these files they are words ("prep: [on, against]"), never booleans."""


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def _read_yaml(path: Path, kb: ActorKB, override: bool) -> None:
    loader = _Loader(kb, str(path), override)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except (OSError, UnicodeDecodeError) as exc:
        raise loader.fail(None, f"cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise loader.fail(mark.line + 1 if mark else None, f"invalid YAML: {getattr(exc, 'problem', exc)}") from None
    if data is None:
        return
    if not isinstance(data, dict):
        raise loader.fail(1, "expected a mapping with sections countries, seats, regions, peoples, organizations, people, sectors")
    unknown = set(data) - set(_KINDS) - {"sectors", "resolution", "__line__"}
    if unknown:
        raise loader.fail(data.get("__line__", 1), f"unknown section(s): {', '.join(sorted(map(str, unknown)))}")
    if "sectors" in data:
        loader.sectors_section(_strip_lines(data["sectors"]), data.get("__line__"))
    if "resolution" in data:
        loader.resolution_section(_strip_lines(data["resolution"]), data.get("__line__"))
    for kind in ("countries", "seats", "regions", "peoples", "organizations", "people"):
        rows = data.get(kind) or []
        if not isinstance(rows, list):
            raise loader.fail(data.get("__line__"), f"{kind} must be a list of entries")
        for row in rows:
            if not isinstance(row, dict):
                raise loader.fail(None, f"{kind}: every entry must be a mapping, got {row!r}")
            line = row.get("__line__")
            loader.row(kind, _strip_lines(row), line)


def _builtin_dir() -> Path:
    return Path(str(resources.files("eventwire") / "data" / "actors"))


def load_kb(extra_files: Iterable[str] = ()) -> ActorKB:
    """The built-in knowledge base plus the user's files (later files override earlier entries)."""
    return _load_kb(tuple(extra_files))


@lru_cache(maxsize=8)
def _load_kb(extra_files: tuple[str, ...]) -> ActorKB:
    kb = ActorKB()
    base = _builtin_dir()
    _read_yaml(base / "sectors.yaml", kb, override=False)
    _read_yaml(base / "resolution.yaml", kb, override=False)
    _read_csv(base / "countries.csv", kb, False, "countries")
    _read_csv(base / "seats.csv", kb, False, "seats")
    if (base / "regions.csv").is_file():
        _read_csv(base / "regions.csv", kb, False, "regions")
    _read_csv(base / "peoples.csv", kb, False, "peoples")
    _read_csv(base / "organizations.csv", kb, False, "organizations")
    for path in sorted((base / "people").glob("*.csv")):
        _read_csv(path, kb, False, "people")
    for name in extra_files:
        path = Path(name)
        if not path.is_file():
            raise KBError(f"{name}: no such actor file")
        if path.suffix.lower() in (".yaml", ".yml"):
            _read_yaml(path, kb, override=True)
        elif path.suffix.lower() == ".csv":
            _read_csv(path, kb, override=True)
        else:
            raise KBError(f"{name}: actor files are .csv or .yaml/.yml")
    return kb.index()
