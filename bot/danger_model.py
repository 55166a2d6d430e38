"""A second opinion on danger: a small classifier that answers only "is this imminent danger?".

The situation classifier spreads its attention over twenty-odd situations; this one is trained on
one question, with every danger example of the training data against everything else, plus two
sets of danger messages and near misses (`bot/data/danger_examples/`) that teach it the difference
between "he has a knife now" and "he had a knife last year". It decides together with the editors'
rules in data/danger.yml (see `decide`): chosen by measurement, docs/nlu-pipeline.md.
"""
from __future__ import annotations

import math
import pickle
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline, make_union

from bot.paths import DANGER_EXAMPLES_DIR
from bot.text import fold


def labelled_examples(directory: Path = DANGER_EXAMPLES_DIR) -> list[tuple[str, bool]]:
    """The danger and near-miss messages kept for training this classifier."""
    return [(text, danger) for text, danger, _ in weighted_examples(directory)]


def weighted_examples(directory: Path = DANGER_EXAMPLES_DIR) -> list[tuple[str, bool, float]]:
    """The same, each with its set's `weight` (1 unless the file says otherwise: conversation turns count half)."""
    examples: list[tuple[str, bool, float]] = []
    for path in sorted(directory.glob("*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        weight = float(document.get("weight", 1.0))
        for item in document.get("messages") or ():  # a set may be empty (build_corpus.py writes it)
            examples.append((str(item["text"]), bool(item["danger"]), weight))
    return examples


@dataclass(frozen=True)
class DangerSettings:
    # Danger from this probability on, whatever the situation classifier says (missing danger costs
    # more than a false alarm); below `veto`, an editors' pattern without `any_time` is overruled:
    # the words matched, but nothing else in the message reads like danger now.
    threshold: float = 0.3
    veto: float = 0.1
    # Between `threshold` and `sure`, the classifier alone needs a word of `now` in the message: a short
    # worry ("my daughter has a boyfriend in a gang") reads like danger to it, and is not.
    sure: float = 0.7
    # From `likely` on, the classifier alone counts without a word of `now` too, when nothing in the message
    # places it in the past, a habit or a worry (`calm`) and it has at least MIN_WORDS words: people in
    # danger often just describe what they see ("nån kastar molotovs mot vår dörr").
    likely: float = 0.5
    # Below `certain`, the editors' `harmless` words (a joke, fireworks, a game) overrule the classifier;
    # above it, the rest reads so clearly as danger that the word is part of it ("he says it was a joke,
    # but he will shoot everyone on Thursday"; "they fire rockets into the stairwell").
    certain: float = 0.93
    C: float = 5.0


# A word or two ("godkväll") is no evidence of danger, whatever the classifier makes of its letters.
MIN_WORDS = 3


# In a message this short the pattern's words are all there is to read: the classifier does not overrule them
# ("beväpnad man i köpcentrumet").
MIN_VETO_WORDS = 6

DEFAULT_SETTINGS = DangerSettings()


class _Scorer:
    """The fitted pipeline's arithmetic for one message, without sklearn's per-call overhead.

    sklearn spends about 1.5 ms validating and building sparse matrices for one short message; this
    does the same sums in plain Python (counted n-grams, 1 + log tf, idf, l2 norm per vectorizer,
    logistic function) in a fraction of that. `tests/test_danger_model.py` checks both agree."""

    def __init__(self, pipeline: Pipeline) -> None:
        union, regression = pipeline.steps[0][1], pipeline.steps[-1][1]
        coefficients = regression.coef_[0]
        self._intercept = float(regression.intercept_[0])
        self._parts: list[tuple[Callable[[str], list[str]], dict[str, tuple[float, float]]]] = []
        offset = 0
        for _, vectorizer in union.transformer_list:
            idf = vectorizer.idf_
            # Per n-gram: its idf (for the norm) and its idf times its weight (for the score).
            weights = {gram: (float(idf[column]), float(idf[column] * coefficients[offset + column]))
                       for gram, column in vectorizer.vocabulary_.items()}
            self._parts.append((vectorizer.build_analyzer(), weights))
            offset += len(vectorizer.vocabulary_)

    def probability(self, folded: str) -> float:
        logit = self._intercept
        for analyse, weights in self._parts:
            score = squares = 0.0
            for gram, count in Counter(analyse(folded)).items():
                found = weights.get(gram)
                if found is None:
                    continue
                tf = 1.0 + math.log(count)
                squares += (tf * found[0]) ** 2
                score += tf * found[1]
            if squares:
                logit += score / math.sqrt(squares)
        return 1.0 / (1.0 + math.exp(-logit))


class DangerModel:
    """Probability that a message is about imminent danger."""

    def __init__(self, pipeline: Pipeline) -> None:
        self._pipeline = pipeline
        self._scorer = _Scorer(pipeline)

    @classmethod
    def fit(cls, examples: Iterable[tuple[str, bool]], settings: DangerSettings | None = None,
            weights: Sequence[float] | None = None) -> "DangerModel":
        settings = settings or DEFAULT_SETTINGS
        texts, labels = zip(*examples, strict=True)
        features = make_union(
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True),
            TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True),
        )
        # Balanced classes: danger is a sixth of the examples and must not be drowned out.
        pipeline = make_pipeline(features, LogisticRegression(C=settings.C, max_iter=1000, class_weight="balanced"))
        if weights is not None and len(weights) != len(texts):
            raise ValueError(f"{len(weights)} weights for {len(texts)} examples")
        fit_params = {} if weights is None else {"logisticregression__sample_weight": list(weights)}
        pipeline.fit([fold(t) for t in texts], [bool(label) for label in labels], **fit_params)
        return cls(pipeline)

    def probability(self, text: str) -> float:
        return self._scorer.probability(fold(text))

    def probabilities(self, texts: Sequence[str]) -> list[float]:
        return [float(p) for p in self._pipeline.predict_proba([fold(t) for t in texts])[:, 1]]

    def save(self, path: Path) -> None:
        path.write_bytes(pickle.dumps(self._pipeline))

    @classmethod
    def load(cls, path: Path) -> "DangerModel":
        # Only ever a file this project wrote into its own trained model.
        return cls(pickle.loads(path.read_bytes()))  # noqa: S301


def decide(pattern: str | None, pattern_any_time: bool, probability: float, harmless: bool = False,
           says_now: bool = False, calm: bool = False, words: int = 0,
           settings: DangerSettings | None = None, safe: bool = False) -> str | None:
    """Why the message is imminent danger (a pattern id or 'danger_model'), or None.

    An editors' pattern counts unless the classifier is nearly sure it is not danger (a pattern
    marked `any_time` always counts); the classifier alone counts from its threshold on with a word
    of `now` in the message, from `sure` on without one, and from `likely` on in a message of some
    length that nothing calms (past, habit, worry); in what the editors call harmless (games, jokes,
    hunting, fireworks: `harmless` in data/danger.yml) only when it is as good as certain, and never in a
    message that says the danger is over (`safe`: "polisen har tagit med honom nu, vi är okej"), however sure
    the classifier is: it learnt that the police and "nu" go with danger."""
    settings = settings or DEFAULT_SETTINGS
    if pattern is not None and (pattern_any_time or probability >= settings.veto or words < MIN_VETO_WORDS):
        return pattern
    if probability < settings.threshold or safe or (harmless and probability < settings.certain):
        return None
    if says_now or probability >= settings.sure:
        return "danger_model"
    if probability >= settings.likely and not calm and words >= MIN_WORDS:
        return "danger_model"
    return None
