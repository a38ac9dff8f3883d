"""Training happens only when config, domain or data changed (content hash),
and the install is a no-op the second time."""
import shutil
import subprocess

import pytest

from bot import model
from gedeeld import settings


@pytest.fixture
def repo_copy(tmp_path, monkeypatch):
    for name in model.TRAINING_INPUTS:
        source = settings.ROOT / name
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    monkeypatch.setattr(settings, "ROOT", tmp_path)
    monkeypatch.setattr(settings, "MODELS_DIR", tmp_path / "models")
    return tmp_path


def test_fingerprint_is_stable_and_follows_data_changes(repo_copy):
    first = model.fingerprint()
    assert model.fingerprint() == first
    nlu = repo_copy / "data" / "nlu" / "basis.yml"
    nlu.write_text(nlu.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert model.fingerprint() != first


def test_files_the_action_server_reads_do_not_retrain(repo_copy):
    first = model.fingerprint()
    for folder in ("kennis", "interventies", "oefenen"):
        (repo_copy / "data" / folder).mkdir(parents=True, exist_ok=True)
        (repo_copy / "data" / folder / "extra.yml").write_text("onderwerpen: []\n", encoding="utf-8")
    assert model.fingerprint() == first


def test_rules_and_domain_changes_retrain(repo_copy):
    first = model.fingerprint()
    rules = repo_copy / "data" / "rules" / "basis.yml"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    second = model.fingerprint()
    domain = repo_copy / "domain.yml"
    domain.write_text(domain.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert len({first, second, model.fingerprint()}) == 3


def test_existing_model_is_used_without_training(repo_copy, monkeypatch):
    path = model.model_path()
    path.parent.mkdir()
    path.write_bytes(b"model")
    monkeypatch.setattr(model.rasa_cli, "run", lambda *a, **k: pytest.fail("should not train"))
    assert model.ensure_model() == path


def test_missing_model_is_validated_then_trained(repo_copy, monkeypatch):
    calls = []
    monkeypatch.setattr(model.rasa_cli, "run", lambda *args, **k: calls.append(args[0]))
    (repo_copy / "models").mkdir()
    model.ensure_model()
    assert calls == ["data", "train"]
    assert model.training_info(model.model_path())["training_seconds"] >= 0


def test_second_install_has_nothing_to_do():
    result = subprocess.run(["make", "-q", "install"], cwd=settings.ROOT)
    assert result.returncode == 0, "make install would run again with nothing changed"


def test_the_danger_models_corpus_and_code_retrain(repo_copy):
    first = model.fingerprint()
    crisis = repo_copy / "data" / "crisis" / "crisisregels_01.yml"
    crisis.write_text(crisis.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    second = model.fingerprint()
    code = repo_copy / "bot" / "nlu" / "gevaarmodel.py"
    code.write_text(code.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert len({first, second, model.fingerprint()}) == 3
