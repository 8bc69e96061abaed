"""`eventwire eval` commands run on the development gold sets (skipped without ../shared)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from eventwire.cli import cli


def test_eval_actors_reports_scores(shared):
    result = CliRunner().invoke(cli, ["eval", "actors", "--data", str(shared / "data"), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    plover = scores["plover_gsr"]
    assert plover["gold_actors"] > 400
    # Regression floors just under the measured figures (0.956 / 0.907 / 0.806; see the closing notes); the
    # targets are 0.95 / 0.90.
    assert plover["country_accuracy"] >= 0.95
    assert plover["sector_accuracy"] >= 0.90
    assert scores["cameo_ner"]["overlap50"]["recall"] >= 0.79
    assert scores["cameo_ner"]["overlap50"]["precision"] >= 0.47


def test_eval_without_data_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["eval", "actors", "--data", str(tmp_path)])
    assert result.exit_code == 1
    assert "gold data not found" in result.output


def test_eval_events_reports_scores(shared):
    result = CliRunner().invoke(cli, ["eval", "events", "--data", str(shared / "data"), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    # Regression floors under the measured figures (see the closing notes); the targets are 0.85.
    assert scores["plover_gsr"]["micro"]["f1"] >= 0.845
    assert scores["cameo_class"]["accuracy"] >= 0.845
    assert scores["cameo_ner"]["both"]["f1"] >= 0.635
    assert scores["cameo_ner"]["target"]["f1"] >= 0.53
    assert scores["cameo_ner"]["head"]["target"]["f1"] >= 0.68
    # the proxies of the held-back (source, target, code) measure; the goals there are 0.80 and 0.90
    assert scores["plover_gsr"]["triples"]["country"]["f1"] >= 0.60
    assert scores["plover_gsr"]["roots"]["f1"] >= 0.88
    assert "ASSAULT→ASSAULT" in scores["plover_gsr"]["confusion"]


def test_gsr_triple_misses_are_classified():
    from eventwire.evaluate._events import classify_triple_misses
    from eventwire.records import Actor

    def actor(code):
        return Actor(id=code, name=code, mentions=[], country=code)

    usa, rus, ukr = actor("USA"), actor("RUS"), actor("UKR")
    gold = [(("RUS", ""), (("UKR", ""),), "ASSAULT"), (("USA", ""), (("RUS", ""),), "ACCUSE"),
            (("USA", ""), ("-",), "AGREE"), (("UKR", ""), (("RUS", ""),), "REQUEST"), (("USA", ""), ("-",), "AID")]
    predicted = [(rus, ukr, "ASSAULT"), (usa, None, "ACCUSE"), (usa, rus, "AGREE"), (usa, rus, "REQUEST")]
    assert classify_triple_misses(gold, predicted) == ["target missing", "target where gold has none",
                                                       "wrong source", "event type missing"]
