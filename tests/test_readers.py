"""Tests for eventwire.readers: every input format and every kind of bad input."""

from __future__ import annotations

import gzip
import importlib
import io
import json
from pathlib import Path

import pytest

from eventwire.readers import FORMATS, count_articles, read_articles
from eventwire.records import Article, ReadError

SEED = Path(__file__).resolve().parents[2] / "shared" / "examples" / "seed-article.txt"
CP1252 = "not valid UTF-8; decoded as cp1252"

HTML = """<!DOCTYPE html>
<html lang="en"><head><title>Petro warns US | Example News</title>
<meta property="og:title" content="Petro warns US">
<meta property="article:published_time" content="2025-08-11T09:00:00Z"></head>
<body><nav>Home | World | Politics</nav>
<article><h1>Petro warns US</h1>
<p>Colombia's President Gustavo Petro spoke out against a possible US attack on the neighboring country, Venezuela.</p>
<p>Petro responded to a report by the New York Times last week that said that Donald Trump had signed a directive.</p>
</article><footer>Copyright Example News</footer></body></html>
"""


def read(*paths, **kwargs):
    return list(read_articles([str(p) for p in paths], **kwargs))


def articles(items):
    return [i for i in items if isinstance(i, Article)]


def errors(items):
    return [i for i in items if isinstance(i, ReadError)]


def jsonl(*records) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


# --- formats ---------------------------------------------------------------


def test_formats_constant():
    assert FORMATS == ("jsonl", "csv", "tsv", "txt", "html")


def test_jsonl_fields_and_origin(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(jsonl(
        {"id": " x1 ", "text": " Hello  world.\n", "date": "2019-01-04", "title": "T", "source": "",
         "url": "http://e.org/1", "lang": "en", "topic": "ignored", "authors": ["ignored"]},
        {"text": "Second.", "date": "2019-01-04T10:00:00Z"},
    ), encoding="utf-8")
    a, b = read(p)
    assert (a.id, a.text, a.date, a.title, a.source, a.url, a.lang) == (
        "x1", " Hello  world.\n", "2019-01-04", "T", None, "http://e.org/1", "en")
    assert a.origin == f"{p}:1" and a.errors == []
    assert b.date == "2019-01-04" and b.origin == f"{p}:2" and b.title is None


def test_jsonl_gz_and_ndjson(tmp_path):
    with gzip.open(tmp_path / "a.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(jsonl({"text": "One."}, {"text": "Two."}))
    (tmp_path / "b.NDJSON").write_text(jsonl({"text": "Three."}), encoding="utf-8")
    items = read(tmp_path / "a.jsonl.gz", tmp_path / "b.NDJSON")
    assert [a.text for a in items] == ["One.", "Two.", "Three."]


def test_jsonl_blank_lines_skipped_line_numbers_physical(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text("\n" + jsonl({"text": "A"}) + "  \n\n" + jsonl({"text": "B"}), encoding="utf-8")
    assert [a.origin for a in read(p)] == [f"{p}:2", f"{p}:5"]


def test_jsonl_text_with_line_separator_kept_whole(tmp_path):
    p = tmp_path / "a.jsonl"
    text = "first\u2028second\x0cthird\r\nfourth"
    p.write_text(json.dumps({"text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    [a] = read(p)
    assert a.text == text


def test_csv(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text('id,Text,date,title\n1,"Line one,\nline two",2020-05-01,Title\n,Plain text,,\n', encoding="utf-8")
    a, b = read(p)
    assert (a.id, a.text, a.date, a.title, a.origin) == ("1", "Line one,\nline two", "2020-05-01", "Title", f"{p}:2")
    assert b.origin == f"{p}:4" and b.date is None and b.title is None and b.id.startswith("sha1-")


def test_csv_large_field(tmp_path):
    p = tmp_path / "a.csv"
    big = "word " * 100_000
    p.write_text(f'text\n"{big}"\n', encoding="utf-8")
    [a] = read(p)
    assert a.text == big


def test_tsv_and_gz(tmp_path):
    with gzip.open(tmp_path / "a.tsv.gz", "wt", encoding="utf-8") as f:
        f.write("text\tsource\nHello, world.\tWire\n")
    [a] = read(tmp_path / "a.tsv.gz")
    assert (a.text, a.source) == ("Hello, world.", "Wire")


def test_txt_whole_file(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"  Title line\r\n\r\nBody.\n")
    [a] = read(p)
    assert a.text == "  Title line\r\n\r\nBody.\n"
    assert a.date is None and a.title is None and a.origin == str(p)


@pytest.mark.parametrize("content, date, text", [
    ("date 2025-08-11\nText.\n", "2025-08-11", "Text.\n"),
    ("\n  date 2025-08-11 \r\n\r\nText.", "2025-08-11", "Text."),
    ("date 2025-08-11x Text.", None, "date 2025-08-11x Text."),
    ("An update 2025-08-11 Text.", None, "An update 2025-08-11 Text."),
])
def test_txt_date_line(tmp_path, content, date, text):
    p = tmp_path / "a.txt"
    p.write_bytes(content.encode())
    [a] = read(p)
    assert (a.date, a.text) == (date, text)


def test_seed_article_date_line():
    if not SEED.exists():
        pytest.skip(f"../shared not present: {SEED} missing")
    raw = SEED.read_text(encoding="utf-8")
    [a] = read(SEED)
    assert a.date == "2025-08-11"
    assert a.text.startswith("Colombia’s President Gustavo Petro")
    assert a.text == raw[raw.index("Colombia’s"):]
    assert a.title is None and a.errors == []


def test_html_with_title_and_date(tmp_path):
    p = tmp_path / "page.htm"
    p.write_text(HTML, encoding="utf-8")
    [a] = read(p)
    assert a.title == "Petro warns US"
    assert a.date == "2025-08-11"
    assert "Gustavo Petro spoke out" in a.text and "Copyright" not in a.text
    assert a.origin == str(p)


def test_html_without_main_text(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    assert read(p) == [ReadError(str(p), None, "no main text found in HTML")]


def test_input_format_overrides_extension(tmp_path):
    p = tmp_path / "data.dat"
    p.write_text(jsonl({"text": "A"}), encoding="utf-8")
    assert [a.text for a in read(p, input_format="ndjson")] == ["A"]
    with pytest.raises(ValueError):
        read_articles([str(p)], input_format="xml")


# --- standard input ----------------------------------------------------------


@pytest.mark.parametrize("paths", [None, [], ["-"]])
def test_stdin_jsonl_sniffed(paths):
    stdin = io.BytesIO(b"  " + jsonl({"text": "A"}, {"text": "B"}).encode())
    items = list(read_articles(paths, stdin=stdin))
    assert [(a.text, a.origin) for a in items] == [("A", "<stdin>:1"), ("B", "<stdin>:2")]
    assert not stdin.closed  # standard input belongs to the caller


def test_stdin_txt_html_csv_and_gzip():
    [t] = read_articles(None, stdin=io.BytesIO(b"date 2025-08-11\nPlain."))
    assert (t.text, t.date, t.origin) == ("Plain.", "2025-08-11", "<stdin>")
    [h] = read_articles(None, stdin=io.BytesIO(HTML.encode()))
    assert h.title == "Petro warns US"
    [c] = read_articles(None, input_format="csv", stdin=io.BytesIO(b'text\n"A, b"\n'))
    assert (c.text, c.origin) == ("A, b", "<stdin>:2")
    [g] = read_articles(["-"], stdin=io.BytesIO(gzip.compress(jsonl({"text": "Z"}).encode())))
    assert g.text == "Z"


def test_stdin_errors_name_stdin():
    [e] = read_articles(None, stdin=io.BytesIO(b"{bad json\n"))
    assert (e.path, e.line) == ("<stdin>", 1)
    assert count_articles(None) is None and count_articles(["-"]) is None


# --- paths -------------------------------------------------------------------


def make_tree(root: Path) -> None:
    (root / "b").mkdir()
    (root / "a.txt").write_text("A", encoding="utf-8")
    (root / "b" / "c.jsonl").write_text(jsonl({"text": "C1"}, {"text": "C2"}), encoding="utf-8")
    (root / "b" / "notes.md").write_text("not an input", encoding="utf-8")
    (root / "c.csv").write_text("text\nD\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "x.txt").write_text("hidden", encoding="utf-8")


def test_directory_recursive_sorted(tmp_path):
    make_tree(tmp_path)
    items = read(tmp_path)
    assert [a.text for a in items] == ["A", "C1", "C2", "D"]
    assert count_articles([str(tmp_path)]) == 4


def test_glob(tmp_path):
    make_tree(tmp_path)
    assert [a.text for a in read(tmp_path / "**" / "*.jsonl")] == ["C1", "C2"]
    assert [a.text for a in read(tmp_path / "*.[tc]*")] == ["A", "D"]


def test_empty_directory_is_reported(tmp_path):
    [e] = read(tmp_path)
    assert e.path == str(tmp_path) and e.line is None


# --- ids, dates ----------------------------------------------------------------


def test_stable_ids(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(jsonl({"text": "Same."}, {"text": "Same."}, {"text": "Other."}, {"id": 7, "text": "Same."},
                       {"id": "  ", "text": "Same."}), encoding="utf-8")
    a, b, c, d, e = read(p)
    assert a.id == b.id == e.id != c.id
    assert a.id.startswith("sha1-") and len(a.id) == len("sha1-") + 16
    assert d.id == "7"
    q = tmp_path / "same.txt"
    q.write_text("Same.", encoding="utf-8")
    assert read(q)[0].id == a.id  # the id depends on the text only


@pytest.mark.parametrize("value, date, note", [
    ("2025-02-30", None, "impossible date '2025-02-30' ignored"),
    ("yesterday", None, "unparseable date 'yesterday' ignored"),
    ("2019-01-04T10:00:00+05:30", "2019-01-04", None),
    (None, None, None),
])
def test_dates(tmp_path, value, date, note):
    p = tmp_path / "a.jsonl"
    p.write_text(jsonl({"text": "X", "date": value}), encoding="utf-8")
    [a] = read(p)
    assert a.date == date
    assert a.errors == ([note] if note else [])
    [b] = read(p, default_date="2000-01-01")
    assert b.date == (date or "2000-01-01")


# --- bad input -------------------------------------------------------------------


def test_missing_file(tmp_path):
    p = tmp_path / "nope.jsonl"
    assert read(p) == [ReadError(str(p), None, "no such file or directory")]
    assert read(tmp_path / "nope*.jsonl") == [ReadError(str(tmp_path / "nope*.jsonl"), None,
                                                        "no such file or directory")]


def test_unknown_extension(tmp_path):
    p = tmp_path / "data.xyz"
    p.write_text("text", encoding="utf-8")
    assert read(p) == [ReadError(str(p), None, "unknown format '.xyz'; use --input-format")]


def test_unreadable_file(tmp_path, monkeypatch):
    p = tmp_path / "secret.txt"
    p.write_text("x", encoding="utf-8")

    def deny(path, *args, **kwargs):  # chmod 0 does not stop root, so simulate it
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(importlib.import_module("eventwire.readers._open"), "open", deny, raising=False)
    assert read(p) == [ReadError(str(p), None, "permission denied")]


def test_binary_file(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    q = tmp_path / "b.jsonl.gz"
    q.write_bytes(gzip.compress(b"\0" * 100))
    assert read(p, q) == [ReadError(str(p), None, "binary data, not text"),
                          ReadError(str(q), None, "binary data, not text")]


def test_cp1252_txt_and_csv(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("Caf\u00e9 \u201cquoted\u201d".encode("cp1252"))
    [a] = read(p)
    assert a.text == "Caf\u00e9 \u201cquoted\u201d" and a.errors == [CP1252]
    q = tmp_path / "a.csv"
    q.write_bytes("text\nfirst\nna\u00efve\n".encode("cp1252"))
    rows = read(q)
    assert [r.text for r in rows] == ["first", "na\u00efve"]
    assert all(r.errors == [CP1252] for r in rows)


def test_empty_documents(tmp_path):
    (tmp_path / "a.txt").write_text(" \n\t", encoding="utf-8")
    (tmp_path / "b.txt").write_text("date 2025-08-11\n\n", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(jsonl({"text": "  "}), encoding="utf-8")
    assert [(e.path, e.line, e.reason) for e in read(tmp_path)] == [
        (str(tmp_path / "a.txt"), None, "empty document"),
        (str(tmp_path / "b.txt"), None, "empty document"),
        (str(tmp_path / "c.jsonl"), 1, "empty document"),
    ]


def test_malformed_json_line_in_the_middle(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_bytes(jsonl({"text": "before"}).encode() + b'{"text": "broken\n' + b"[1, 2]\n"
                  + b'{"text": "caf\xe9"}\n' + jsonl({"title": "no text"}, {"text": 5}, {"text": "after"}).encode())
    items = read(p)
    assert [a.text for a in articles(items)] == ["before", "after"]
    assert [(e.line, e.reason.split(" (")[0].split(":")[0]) for e in errors(items)] == [
        (2, "invalid JSON"), (3, "not a JSON object"), (4, "not valid UTF-8"),
        (5, "missing 'text' field"), (6, "'text' is not a string"),
    ]
    assert all(e.path == str(p) for e in errors(items))
    assert isinstance(items[0], Article) and isinstance(items[-1], Article)  # input order kept


def test_malformed_csv_rows(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text('id,text\n1,ok\n2,too,many\n3,"multi\nline"\n4\n5,\n6,last\n', encoding="utf-8")
    items = read(p)
    assert [(type(i).__name__, getattr(i, "line", None) or i.origin) for i in items] == [
        ("Article", f"{p}:2"),
        ("ReadError", 3),
        ("Article", f"{p}:4"),
        ("ReadError", 6),
        ("ReadError", 7),
        ("Article", f"{p}:8"),
    ]
    assert items[4].reason == "empty document"


def test_csv_without_text_column(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text("id,body\n1,x\n", encoding="utf-8")
    assert read(p) == [ReadError(str(p), None, "no 'text' column in the header row")]


def test_corrupt_gzip_keeps_what_was_read(tmp_path):
    p = tmp_path / "a.jsonl.gz"
    full = gzip.compress(jsonl(*({"text": f"Article {i} " + "x" * 200} for i in range(2000))).encode())
    p.write_bytes(full[: len(full) // 2])
    items = read(p)
    assert len(articles(items)) > 10
    [e] = errors(items)
    assert items[-1] is e and e.path == str(p) and e.line is None
    assert e.reason.startswith("corrupt gzip data")


def test_not_gzip_data_in_gz_header(tmp_path):
    p = tmp_path / "a.jsonl.gz"
    p.write_bytes(b"\x1f\x8bnot really gzip data")
    [e] = read(p)
    assert e.reason.startswith("corrupt gzip data")


# --- counting and laziness -------------------------------------------------------


def test_count_articles(tmp_path):
    (tmp_path / "a.jsonl").write_text(jsonl({"text": "A"}, {"text": "B"}) + '{"text": "C"}', encoding="utf-8")
    with gzip.open(tmp_path / "b.jsonl.gz", "wt") as f:
        f.write(jsonl({"text": "D"}))
    (tmp_path / "c.tsv").write_text("text\nE\nF\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text("G", encoding="utf-8")
    assert count_articles([str(tmp_path)]) == 7
    assert count_articles([str(tmp_path / "missing.jsonl")]) == 0


def test_reading_is_lazy(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(jsonl({"text": "A"}), encoding="utf-8")
    gen = read_articles([str(p), str(tmp_path / "created-later.txt")])
    assert next(gen).text == "A"
    (tmp_path / "created-later.txt").write_text("B", encoding="utf-8")
    assert next(gen).text == "B"
