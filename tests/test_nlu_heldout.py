"""The trained model on the evaluation sets that training never sees, as a new user meets it.

* The real-language corpus's test part: sources (web sites) that are in neither training nor tuning.
* Held-out sets 1 and 2 (older, written in the style of the training data): they must not fall.
* Danger: every danger set was written by a writer who saw neither the rules, the training data nor any
  other set, and was fresh for one change. danger_blind21 was written at the start of session 10 and measured
  (counts only) on the code before and after that session's changes; it has never been read. danger_blind22
  (session 11, aftermath of violence and fear, written beside the training examples danger_train22 by another
  writer) was measured before and after they joined the classifier's training; only its first line was seen.
  danger_blind23 (session 14, the danger kinds of issue 11 in pairs with near misses) was written at the start of
  that session and measured (counts only) before and after its changes; it has never been read. danger_blind24
  (session 15, the same brief) likewise. danger_blind25 and danger_blind26 (session 15, violence at home told by
  children and teenagers) were written as training data by two writers; in the classifier's training each made
  it worse elsewhere (blind25: out of fold on the other sets; blind26: a danger message of the test part), so both
  are kept out of it and only measured; never read. danger_blind27 (session 16, blind24's brief) was written at
  the start of that session and measured before and after its changes; never read. (In session 16 the first
  message of blind24 was seen by accident, when a file's header was checked.) danger_blind28 (session 17, the
  same kind of brief) likewise, and danger_blind29 (session 18).
  The earlier sets (danger_final, danger_after_change, danger_blind3–20, each once fresh and measured
  before and after its own change) and danger_fresh, danger_dev2, danger_train4, nearmiss_dev and
  danger_train9 now train the danger classifier (bot/data/danger_examples/); blind9–15 and nearmiss_dev joined
  in session 7, blind16–20 (never read) in session 10, danger_train22 (written as training examples) in session 11.
  In session 15 the near misses of blind16 and blind20 that got 112 first (12 lines) were read, to see why a guard
  here moved.

* Whole conversations (dialogues_a–k.yml): 440 conversations written by helpers who never saw the bot,
  judged turn by turn (bot/dialogue_evaluation.py); A, C and D were looked at while mending, B and E–K
  only measured (in session 9 the calm turns of B and E–I that got 112 first were read once).

The real-language and fresh-danger thresholds guard the measured level (docs/nlu-pipeline.md). They
are below issue #11's targets (90 % first kind, every danger message 112 first, 98 % on a fresh danger
set with at most 10 % false alarms), which this version does not reach.
"""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot import corpus, nlp
from bot.dialogue_evaluation import evaluate_dialogues, load_scripts
from bot.evaluation import corpus_samples, danger_samples, evaluate, heldout_samples, load_agent
from bot.guide import Guide
from bot.paths import DANGER_EXAMPLES_DIR
from bot.training import MODEL_FILE

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def agent():
    assert MODEL_FILE.exists(), "train first: bot train (the test command does)"
    return load_agent(MODEL_FILE)


@pytest.fixture(scope="module")
def guide():
    return Guide(lemmatize=nlp.lemmas)


def test_real_language_from_sources_never_trained_on(agent, guide):
    items = corpus.part("test")
    trained_sources = {i.domain for i in corpus.part("train")} | {i.domain for i in corpus.part("dev")}
    assert len(items) >= 1000 and not {i.domain for i in items} & trained_sources
    report = evaluate(agent, guide, corpus_samples(items))
    print("\n" + report.summary())
    assert report.first_kind_accuracy >= 0.81
    assert report.danger_first >= 0.93
    assert report.fallback_only <= 0.03


@pytest.mark.parametrize("name", ["heldout_nlu.yml", "heldout_nlu_v2.yml"])
def test_older_heldout_sets_do_not_fall(agent, guide, name):
    # 112 first counts as right for a suicide message here too, as in the corpus's labelling table.
    report = evaluate(agent, guide, heldout_samples(guide, DATA / name))
    print("\n" + report.summary())
    assert report.first_kind_accuracy >= 0.95
    assert report.danger_first == 1.0


@pytest.mark.parametrize(("name", "caught", "false_alarms"), [
    ("danger_blind21.yml", 0.99, 0.08),
    ("danger_blind22.yml", 0.99, 0.10),
    ("danger_blind23.yml", 0.99, 0.07),  # session 14, written at its start: measured before and after, not read
    ("danger_blind24.yml", 0.97, 0.08),  # session 15, written at its start: 78/80 before and after, not read
    ("danger_blind25.yml", 0.88, 0.09),  # session 15, violence at home told by the young: 53/60, not read
    ("danger_blind26.yml", 0.96, 0.03),  # session 15, the same with subtle signs of now: 48/50, not read
    ("danger_blind28.yml", 0.98, 0.10),  # session 17, written at its start: 80/80 and 14/160 on the start's code, not read
    ("danger_blind27.yml", 0.98, 0.05),  # session 16, written at its start (blind24's brief): 79/80, 7/160, not read
    ("danger_blind29.yml", 0.98, 0.09),  # session 18, written at its start: 80/80 and 11/160 on the start's code, not read
])
def test_danger_sets_written_without_seeing_the_rules(agent, guide, name, caught, false_alarms):
    report = evaluate(agent, guide, danger_samples(DATA / name))
    print("\n" + report.summary())
    assert report.danger_first >= caught
    assert report.false_alarms <= false_alarms


@pytest.mark.parametrize(("name", "caught", "false_alarms"), [
    ("danger_fresh.yml", 1.0, 0.08), ("danger_dev2.yml", 1.0, 0.08), ("danger_train4.yml", 1.0, 0.09),
    ("danger_final.yml", 1.0, 0.07), ("danger_after_change.yml", 1.0, 0.06), ("danger_blind3.yml", 1.0, 0.09),
    ("danger_blind4.yml", 1.0, 0.02), ("danger_blind5.yml", 1.0, 0.03), ("danger_blind6.yml", 1.0, 0.07),
    ("danger_blind7.yml", 1.0, 0.02), ("danger_blind8.yml", 0.99, 0.06), ("danger_blind9.yml", 0.99, 0.06),
    ("danger_blind10.yml", 0.99, 0.02), ("danger_blind11.yml", 1.0, 0.05), ("danger_blind12.yml", 1.0, 0.06),
    ("danger_blind13.yml", 1.0, 0.08), ("danger_blind14.yml", 1.0, 0.03), ("danger_blind15.yml", 1.0, 0.05),
    ("nearmiss_dev.yml", 0.98, 0.03), ("danger_train9.yml", 1.0, 0.05),
    # blind16 and blind20: since session 15 one more thanks-and-goodbye each ("hon svarade nu! … tack") is read as a
    # goodbye, whose card for a first message is 112 (as sets 1 and 2 expect of a goodbye); the danger classifier's
    # own false alarms there are unchanged.
    ("danger_blind16.yml", 0.99, 0.07), ("danger_blind17.yml", 1.0, 0.09), ("danger_blind18.yml", 1.0, 0.02),
    ("danger_blind19.yml", 1.0, 0.05), ("danger_blind20.yml", 1.0, 0.05),
])
def test_danger_sets_that_train_the_danger_classifier(agent, guide, name, caught, false_alarms):
    report = evaluate(agent, guide, danger_samples(DANGER_EXAMPLES_DIR / name))
    print("\n" + report.summary())
    assert report.danger_first >= caught
    # Near misses an editors' pattern matches stay 112 unless the classifier is nearly sure (P < 0.1).
    assert report.false_alarms <= false_alarms


@pytest.mark.parametrize(("name", "turns", "conversations", "false_alarms"), [
    ("dialogues_a.yml", 0.80, 0.47, 0.11),  # looked at while mending the conversation moves
    ("dialogues_b.yml", 0.81, 0.52, 0.09),  # not looked at: measured before and after each change
    ("dialogues_c.yml", 0.79, 0.42, 0.08),  # fresh for the first change after it, looked at since
    ("dialogues_d.yml", 0.80, 0.37, 0.08),  # measured once at the end of session 5, looked at in session 6
    ("dialogues_e.yml", 0.79, 0.37, 0.08),  # session 6: not looked at, measured before and after each change
    ("dialogues_f.yml", 0.81, 0.60, 0.07),  # session 7: not looked at, measured before and after each change
    ("dialogues_g.yml", 0.91, 0.70, 0.06),  # session 7: not looked at, measured before and after the session's changes
    ("dialogues_h.yml", 0.83, 0.60, 0.09),  # session 7, written at its end: measured on the code before and after it
    ("dialogues_i.yml", 0.76, 0.35, 0.08),  # session 8, written after the network: measured before and after it, not read
    ("dialogues_j.yml", 0.83, 0.55, 0.06),  # session 10, written before its changes: measured before and after them, not read
    ("dialogues_k.yml", 0.86, 0.65, 0.07),  # session 10, written at its end: measured on the code before and after it, not read
    ("dialogues_l.yml", 0.83, 0.60, 0.08),  # session 11, written at its start (a month's mix): measured before and after, not read
    ("dialogues_m.yml", 0.80, 0.47, 0.09),  # session 11, written at its start (danger and plans mid-conversation), not read
    ("dialogues_n.yml", 0.79, 0.45, 0.08),  # session 11, written near its end: measured on the code before and after it, not read
    ("dialogues_o.yml", 0.80, 0.50, 0.04),  # session 12, written after its first two changes: measured on the code before and after, not read
    ("dialogues_p.yml", 0.73, 0.32, 0.05),  # session 12, written as a set to read while mending; its turns train the danger classifier
    ("dialogues_q.yml", 0.76, 0.45, 0.05),  # session 12, young writers: measured on the code before and after the session, not read
    ("dialogues_r.yml", 0.75, 0.47, 0.04),  # session 12, staff and neighbours: the same
    ("dialogues_s.yml", 0.71, 0.25, 0.08),  # session 12, parents, partners and victims: the same
    ("dialogues_t.yml", 0.79, 0.45, 0.05),  # session 13, written mid-session: measured on the code before and after, not read
    ("dialogues_u.yml", 0.80, 0.50, 0.05),  # session 14, written at its start: measured before and after, not read
    ("dialogues_v.yml", 0.78, 0.40, 0.07),  # session 15, written at its start (suspects' families, men hit, revenge), not read
    ("dialogues_w.yml", 0.81, 0.47, 0.05),  # session 16, written at its start (honour, online radicalisation, debts), not read
    ("dialogues_x.yml", 0.79, 0.45, 0.07),  # session 17, written at its start (leaving gangs, suspects, threat lists), not read
    ("dialogues_y.yml", 0.79, 0.45, 0.07),  # session 18, written at its start (recruitment, custody, staff, honour), not read
])
def test_whole_conversations_written_without_seeing_the_bot(agent, guide, name, turns, conversations, false_alarms):
    kinds = {r.kind for r in guide.snapshot().catalogue.resources.values()}
    report = evaluate_dialogues(agent, guide, load_scripts(DATA / name, kinds))
    print("\n" + report.summary())
    right, total = report.turns()
    whole, scripts = report.conversations()
    alarms, calm = report.false_alarms()
    assert total >= 135 and right / total >= turns  # about 140 turns each (N has 139)
    assert whole / scripts >= conversations
    assert alarms / calm <= false_alarms


def test_thanks_with_a_plan_for_tonight_is_no_danger_but_thanks_before_a_weapon_is(agent):
    # The classifier alone reads 'ikväll' as a time for danger; thanks that ends the talk overrules it below `sure`.
    async def parse(text):
        return await agent.parse_message(text)

    calm = asyncio.run(parse("ok tack, jag pratar med honom ikväll"))
    assert calm["intent"]["name"] not in ("acute_danger", "acute_danger_maybe") and calm.get("danger_rule") is None
    armed = asyncio.run(parse("tack, han står utanför med en kniv nu"))
    assert armed["intent"]["name"] == "acute_danger"
