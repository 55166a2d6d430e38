"""The training fixes change how long training takes, not what it trains on (bot/rasa_adapters/speedups.py)."""
from __future__ import annotations

import gzip
import tarfile

from rasa.shared.importers.importer import TrainingDataImporter
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.rasa_adapters import speedups


def _data(*texts: str, synonyms: dict[str, str] | None = None) -> TrainingData:
    return TrainingData([Message(data={"text": t, "intent": f"i{n}"}) for n, t in enumerate(texts)],
                        entity_synonyms=synonyms or {},
                        regex_features=[{"name": "tel", "pattern": r"\d+"}] if synonyms else [])


def test_merging_without_copies_gives_rasas_data_in_rasas_order():
    parts = (_data("min son har en kniv", "tack"), None, _data("vad gör soc", synonyms={"soc": "socialtjänsten"}),
             _data("hej"))
    ours = speedups._merge_without_copies(parts[0], *parts[1:])
    rasas = speedups.RASA_MERGE(parts[0], *parts[1:])
    assert [m.as_dict() for m in ours.training_examples] == [m.as_dict() for m in rasas.training_examples]
    assert (ours.entity_synonyms, ours.regex_features) == (rasas.entity_synonyms, rasas.regex_features)
    assert [m.get("text") for m in ours.training_examples] == ["min son har en kniv", "tack", "vad gör soc", "hej"]


def test_the_importer_reads_the_nlu_data_once_whatever_language_is_asked_for(tmp_path):
    speedups.install_for_training()
    (tmp_path / "config.yml").write_text("language: sv\npipeline: []\npolicies: []\n", encoding="utf-8")
    (tmp_path / "domain.yml").write_text('version: "3.1"\nintents: [greet]\n', encoding="utf-8")
    (tmp_path / "nlu.yml").write_text('version: "3.1"\nnlu:\n- intent: greet\n  examples: |\n    - hej\n    - tjena\n',
                                      encoding="utf-8")
    importer = TrainingDataImporter.load_from_config(str(tmp_path / "config.yml"), str(tmp_path / "domain.yml"),
                                                     [str(tmp_path / "nlu.yml")])
    # Rasa's own checks ask for "en", the pipeline for its language: one reading serves both.
    assert importer.get_nlu_data() is importer.get_nlu_data(language="sv")
    assert {m.get("text") for m in importer.get_nlu_data().intent_examples} == {"hej", "tjena"}


def test_installing_twice_wraps_the_importer_once():
    speedups.install_for_training()
    wrapped = speedups.E2EImporter.get_nlu_data
    speedups.install_for_training()
    assert speedups.E2EImporter.get_nlu_data is wrapped


def test_the_model_file_is_packed_at_the_fastest_level_and_reads_back(tmp_path):
    (tmp_path / "weights.txt").write_text("0.1 0.2 0.3\n" * 1000, encoding="utf-8")
    archive = tmp_path / "model.tar.gz"
    with speedups._FastPackingTar.open(archive, "w:gz") as tar:
        tar.add(tmp_path / "weights.txt", arcname="weights.txt")
    assert archive.read_bytes()[8] == 4  # gzip's header flag for the fastest level (9 would write 2)
    with tarfile.open(archive, "r:gz") as tar:
        assert tar.extractfile("weights.txt").read() == (tmp_path / "weights.txt").read_bytes()
    assert gzip.decompress(archive.read_bytes())  # a plain gzip stream, as Rasa reads it
