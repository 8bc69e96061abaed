"""`eventwire eval …`: scores against the third-party gold sets in ../shared/data."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import click

from ..evaluate import (
    DataMissing,
    default_data_dir,
    evaluate_actors,
    evaluate_dates,
    evaluate_events,
    evaluate_petrarch,
    evaluate_places,
    evaluate_quotes,
)
from ._common import handle_errors, nlp_options


def _data_option(func):
    return click.option(
        "--data", type=click.Path(file_okay=False, path_type=Path), default=None,
        help="The shared/data folder (default: $EVENTWIRE_DATA or ../shared/data).",
    )(func)


def _evaluate(evaluate, data, settings, n_errors: int, as_json: bool) -> dict | None:
    """Run one evaluation; print it as JSON and return None with --json, else return the result to print."""
    try:
        result = evaluate(data or default_data_dir(), settings, max_errors=max(n_errors, 1))
    except DataMissing as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return None
    return result


@click.group(name="eval")
def eval_group():
    """Evaluate eventwire against gold sets (development data, not shipped)."""


@eval_group.command(name="actors")
@_data_option
@nlp_options
@click.option("--errors", "n_errors", type=click.IntRange(min=0), default=0, help="List up to N misses.")
@click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON.")
@handle_errors
def eval_actors(data, settings, n_errors, as_json):
    """Country and sector accuracy on PLOVER GSR gold actors; actor span P/R/F1 on cameo_ner."""
    result = _evaluate(evaluate_actors, data, settings, n_errors, as_json)
    if result is None:
        return
    p = result["plover_gsr"]
    click.echo(f"PLOVER GSR gold actors: {p['gold_actors']}  found {p['found']:.3f}  "
               f"country accuracy {p['country_accuracy']:.3f}  sector accuracy {p['sector_accuracy']:.3f} "
               f"(on {p['sector_scored']} with a sector)")
    c = result["cameo_ner"]
    for name in ("exact", "overlap50"):
        s = c[name]
        click.echo(f"cameo_ner actor spans ({name}): P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
                   f"(gold {s['gold']}, predicted {s['predicted']}; {c['note']})")
    if n_errors:
        click.echo(f"\nMisses on PLOVER GSR ({result['n_misses']} in all):")
        for m in result["misses"][:n_errors]:
            click.echo(f"  {m['actor']!r}: gold {m['gold']}, got {m['predicted']}\n      {m['sentence']}")
        click.echo("\nMissed cameo_ner spans:")
        for m in result["span_misses"][:n_errors]:
            click.echo(f"  {m['gold']!r} not in {m['predicted']}\n      {m['sentence']}")


@eval_group.command(name="events")
@_data_option
@nlp_options
@click.option("--errors", "n_errors", type=click.IntRange(min=0), default=0, help="List up to N misses per set.")
@click.option("--confusion", is_flag=True, help="Print the confusion matrices.")
@click.option("--petrarch", is_flag=True,
              help="Also code PETRARCH2's unit-test records (a parity check on actor codes; about 40 s more).")
@click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON.")
@handle_errors
def eval_events(data, settings, n_errors, confusion, petrarch, as_json):
    """PLOVER type P/R/F1 on PLOVER GSR, quad-class accuracy on cameo_class, source/target F1 on cameo_ner, and,
    with --petrarch, code triples on PETRARCH2's unit-test records (a parity check)."""
    scorer = _events_and_petrarch if petrarch else evaluate_events
    result = _evaluate(scorer, data, settings, n_errors, as_json)
    if result is None:
        return
    p, q, r = result["plover_gsr"], result["cameo_class"], result["cameo_ner"]
    m = p["micro"]
    click.echo(f"PLOVER GSR ({p['sentences']} sentences): type micro P {m['precision']:.3f}  R {m['recall']:.3f}  "
               f"F1 {m['f1']:.3f}; main-event accuracy {p['top1_accuracy']:.3f}")
    for level, t in p["triples"].items():
        click.echo(f"PLOVER GSR (source, target, type) triples, {level + ' codes':13s}: P {t['precision']:.3f}  "
                   f"R {t['recall']:.3f}  F1 {t['f1']:.3f}  (gold {t['gold']}, predicted {t['predicted']})")
    if p.get("triple_misses"):
        click.echo("  gold triples missed (country codes): " +
                   ", ".join(f"{kind} {n}" for kind, n in p["triple_misses"].items()))
    t = p["roots"]
    click.echo(f"CAMEO root (GSR type within the cameo_class group, {t['gold']} sentences): P {t['precision']:.3f}  "
               f"R {t['recall']:.3f}  F1 {t['f1']:.3f}")
    click.echo(f"cameo_class ({q['sentences']} sentences): quad-class accuracy {q['accuracy']:.3f}")
    for role in ("source", "target", "reciprocal", "both"):
        s = r[role]
        click.echo(f"cameo_ner {role:10s}: P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    for role in ("source", "target", "both"):
        s = r["head"][role]
        click.echo(f"cameo_ner {role:10s} (a mention inside the gold phrase counts): P {s['precision']:.3f}  "
                   f"R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    if petrarch:
        _echo_petrarch(result["petrarch2"])
    if confusion:
        for name, part in (("PLOVER GSR (gold→main event)", p), ("cameo_class (gold→predicted)", q)):
            click.echo(f"\n{name}:")
            for cell, n in sorted(part["confusion"].items(), key=lambda kv: -kv[1]):
                click.echo(f"  {cell:28s} {n}")
    if n_errors:
        click.echo("\nTriples missed on PLOVER GSR (country and sector codes):")
        for e in p["triple_errors"][:n_errors]:
            click.echo(f"  {e['id']}: gold {e['gold']}, got {e['predicted']}\n      {e['sentence']}")
        for name, part in (("PLOVER GSR", p), ("cameo_class", q), ("cameo_ner", r)):
            click.echo(f"\nMisses on {name}:")
            for e in part["errors"][:n_errors]:
                click.echo(f"  {json.dumps({k: v for k, v in e.items() if k != 'sentence'}, ensure_ascii=False)}"
                           f"\n      {e['sentence']}")
        if petrarch:
            _echo_petrarch_misses(result["petrarch2"], n_errors)


def _events_and_petrarch(data: Path, settings, max_errors: int) -> dict:
    """The event scores, plus the PETRARCH2 parity check under ``petrarch2`` (``{"skipped": reason}`` when its
    folder is absent, so the other sets are still scored)."""
    result = evaluate_events(data, settings, max_errors=max_errors)
    try:
        result["petrarch2"] = evaluate_petrarch(data, settings, max_errors=max_errors)
    except DataMissing as exc:
        result["petrarch2"] = {"skipped": str(exc)}
    return result


def _echo_petrarch(p: dict) -> None:
    if "skipped" in p:
        click.echo(f"PETRARCH2 unit-test records: skipped ({p['skipped']})")
        return
    click.echo(f"PETRARCH2 unit-test records ({p['scored']} of {p['records']} sentences, {p['triples']['gold']} gold "
               f"codings; toy dictionaries, stylised sentences: a parity check, not an accuracy figure; not scored: "
               + ", ".join(f"{n} {reason}" for reason, n in p["not_scored"].items()) + ")")
    names = {"triples": "(source, target, event code)", "root_triples": "(source, target, code root)",
             "dyads": "(source, target)", "codes": "event code", "roots": "code root"}
    for key, name in names.items():
        s = p[key]
        click.echo(f"  {name:30s} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
                   f"(gold {s['gold']}, predicted {s['predicted']})")
    f = p["flagged"]
    click.echo(f"  flagged events left out: {f['triples']} triples, {f['gold_dyads']} with a gold dyad "
               f"({f['gold_triples']} with the gold code); gold event codes are mostly WEIS, not CAMEO (see README)")


def _echo_petrarch_misses(p: dict, n_errors: int) -> None:
    if "skipped" in p:
        return
    click.echo("\nMisses on PETRARCH2 unit-test records, by kind: "
               + ", ".join(f"{kind} {n}" for kind, n in p["misses"].items()))
    for e in p["errors"][:n_errors]:
        click.echo(f"  {e['id']}: missed {e['missed']}, spurious {e['spurious']}, flagged {e['flagged']}, "
                   f"actors {e['actors']}\n      {e['sentence']}")


@eval_group.command(name="quotes")
@_data_option
@click.option("--split", type=click.Choice(["dev", "train", "test", "all"]), default="dev", show_default=True,
              help="PolNeAR split to score (all = train + dev + test).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N articles.")
@nlp_options
@click.option("--errors", "n_errors", type=click.IntRange(min=0), default=0,
              help="List up to N missed, spurious and wrong-speaker quotes.")
@click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON.")
@handle_errors
def eval_quotes(data, split, limit, settings, n_errors, as_json):
    """Quote content P/R/F1, speaker and cue accuracy on PolNeAR attribution relations."""
    evaluate = functools.partial(evaluate_quotes, split=split, limit=limit)
    result = _evaluate(evaluate, data, settings, n_errors, as_json)
    if result is None:
        return
    g, p = result["gold"], result["predicted"]
    click.echo(f"PolNeAR {result['split']}: {g['articles']} articles, {g['relations']} gold relations "
               f"({g['direct']} direct, {g['indirect']} indirect; {g['with_source']} with a source, "
               f"{g['with_cue']} with a cue)")
    click.echo(f"Predicted quotes: {p['quotes']} ({p['direct']} direct incl. {p['mixed']} mixed, "
               f"{p['indirect']} indirect)")
    click.echo("Content (one-to-one, overlap >= 0.5):")
    for kind, s in result["content"].items():
        click.echo(f"  {kind:8s} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
                   f"(gold {s['gold']}, predicted {s['predicted']})")
    for name, title in (("speaker", "Speaker accuracy (matched, gold has a source)"),
                        ("cue", "Cue accuracy (matched, gold has a cue)")):
        click.echo(f"{title}: " + "  ".join(f"{kind} {s['accuracy']:.3f} ({s['correct']}/{s['scored']})"
                                            for kind, s in result[name].items()))
    if n_errors:
        click.echo(f"\nMissed gold quotes ({result['n_missed']} in all):")
        for m in result["missed"][:n_errors]:
            click.echo(f"  {m['id']} {m['relation']} {m['kind']}, source {m['source']!r}\n      {m['context']}")
        click.echo(f"\nSpurious predicted quotes ({result['n_spurious']} in all):")
        for m in result["spurious"][:n_errors]:
            click.echo(f"  {m['id']} {m['quote']} {m['kind']}, speaker {m['speaker']!r}\n      {m['context']}")
        click.echo(f"\nWrong speakers ({result['n_wrong_speakers']} in all):")
        for m in result["wrong_speakers"][:n_errors]:
            click.echo(f"  {m['id']} {m['relation']} {m['kind']}: gold {m['gold_source']!r}, got {m['predicted']!r}"
                       f"\n      {m['context']}")


@eval_group.command(name="dates")
@click.option("--gold", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The gold sentences (default: tests/data/dates.yaml in the source tree).")
@nlp_options
@click.option("--errors", "n_errors", type=click.IntRange(min=0), default=0, help="List up to N wrong sentences.")
@click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON.")
@handle_errors
def eval_dates(gold, settings, n_errors, as_json):
    """Temporal expressions and event dates on eventwire's own gold sentences (tests/data/dates.yaml)."""
    result = _evaluate(lambda path, s, max_errors: evaluate_dates(gold, s, max_errors), None, settings, n_errors,
                       as_json)
    if result is None:
        return
    e, v = result["expressions"], result["events"]
    click.echo(f"Dates gold: {result['sentences']} sentences, {result['sentences_right']} fully right "
               f"({result['sentence_accuracy']:.3f})")
    click.echo(f"Expressions: {e['right']}/{e['gold']} right ({e['accuracy']:.3f}), {e['spurious']} spurious; "
               f"event dates: {v['right']}/{v['gold']} right ({v['accuracy']:.3f})")
    if n_errors:
        click.echo(f"\nWrong sentences ({result['n_misses']} in all):")
        for m in result["misses"][:n_errors]:
            click.echo(f"  {m['id']} (document {m['date']}): {m['text']}")
            for problem in m["problems"]:
                click.echo(f"      {problem}")


@eval_group.command(name="places")
@_data_option
@click.option("--corpus", "corpora", multiple=True, type=click.Choice(["LGL", "TR-News", "GeoVirus", "GeoWebNews"]),
              help="Score only this corpus (repeatable; default all four).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N articles per corpus.")
@nlp_options
@click.option("--errors", "n_errors", type=click.IntRange(min=0), default=0,
              help="List up to N missed, spurious and far-off toponyms.")
@click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON.")
@handle_errors
def eval_places(data, corpora, limit, settings, n_errors, as_json):
    """Toponym P/R/F1 and accuracy within 161 km on the geoparsing gold corpora."""
    from ..evaluate._places import CORPORA

    evaluate = functools.partial(evaluate_places, corpora=corpora or CORPORA, limit=limit)
    result = _evaluate(evaluate, data, settings, n_errors, as_json)
    if result is None:
        return
    click.echo(f"Geoparsing gold: {result['articles']} articles (span match: one to one, any shared character)")
    for name, s in [*result["corpora"].items(), ("pooled", result["pooled"])]:
        median = "-" if s["median_km"] is None else f"{s['median_km']:.0f}"
        click.echo(f"  {name:10s} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
                   f"acc@161km {s['accuracy_161km']:.3f}  median {median} km  "
                   f"(gold {s['gold']}, predicted {s['predicted']}, resolved {s['resolved']})")
    if n_errors:
        for kind, title in (("missed", "Missed gold toponyms"), ("spurious", "Spurious toponyms"),
                            ("far", "Resolved more than 161 km off")):
            click.echo(f"\n{title} ({result['n_errors'][kind]} in all):")
            for e in result["errors"][kind][:n_errors]:
                if kind == "far":
                    click.echo(f"  {e['id']} {e['text']!r} -> {e['predicted']!r} {e['km']} km "
                               f"(gold {e['gold']}, got {e['got']})")
                else:
                    click.echo(f"  {e['id']} {e['text']!r}: {e['context']}")
