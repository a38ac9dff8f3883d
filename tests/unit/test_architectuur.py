"""The layout keeps its promises (docs/architectuur.md):

- rasa_sdk is imported only by the Rasa layer modules, `actions/<pakket>/acties.py`,
  and by the server that hosts them, `bot/action_server.py`;
- `actions` never imports `bot`, and `gedeeld` imports neither `actions` nor `bot`;
- no two project modules import each other, directly or through others;
- every feature package has exactly one Rasa layer module, and a docstring.

The checks read the source with `ast` (imports inside functions count too),
so they run without importing anything. The last tests run the same checks on
a small tree with deliberate violations, to show that they can fail.
"""
from __future__ import annotations

import ast
from pathlib import Path
from typing import Dict, Iterator, List, Set, Tuple

import pytest

from gedeeld import settings

PAKKETTEN = ("actions", "bot", "gedeeld")
RASA_LAAG = "acties.py"
ACTIESERVER = "bot.action_server"  # rasa_sdk's server, run with redacted logs (issue 19)
VERBODEN = {"actions": ("bot",), "gedeeld": ("actions", "bot")}


def modules(root: Path) -> Dict[str, Path]:
    """Dotted module name -> file, for the project's own packages."""
    gevonden = {}
    for pakket in PAKKETTEN:
        for pad in sorted((root / pakket).rglob("*.py")):
            delen = pad.relative_to(root).with_suffix("").parts
            naam = ".".join(delen[:-1] if delen[-1] == "__init__" else delen)
            gevonden[naam] = pad
    return gevonden


def imports(pad: Path, naam: str, bekend: Dict[str, Path]) -> Iterator[Tuple[str, int]]:
    """(imported module, line) for every import in the file, relative ones resolved."""
    pakket = naam if pad.name == "__init__.py" else naam.rpartition(".")[0]
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.Import):
            for alias in knoop.names:
                yield alias.name, knoop.lineno
        elif isinstance(knoop, ast.ImportFrom):
            basis = knoop.module or ""
            if knoop.level:
                ouder = pakket.split(".")[: len(pakket.split(".")) - knoop.level + 1]
                basis = ".".join([*ouder, *filter(None, [basis])])
            yield basis, knoop.lineno
            for alias in knoop.names:  # `from actions.plan import velden` imports the module velden
                if f"{basis}.{alias.name}" in bekend:
                    yield f"{basis}.{alias.name}", knoop.lineno


def overtredingen(root: Path) -> List[str]:
    """Every broken rule, as 'file:line: what'."""
    bekend = modules(root)
    fouten = []
    for naam, pad in bekend.items():
        plek = pad.relative_to(root)
        for doel, regel in imports(pad, naam, bekend):
            top = doel.split(".")[0]
            rasa_laag = naam == ACTIESERVER or (naam.startswith("actions.") and pad.name == RASA_LAAG)
            if top == "rasa_sdk" and not rasa_laag:
                fouten.append(f"{plek}:{regel}: importeert rasa_sdk buiten een Rasa-laagmodule ({RASA_LAAG})")
            if top in VERBODEN.get(naam.split(".")[0], ()):
                fouten.append(f"{plek}:{regel}: {naam.split('.')[0]} importeert {top}")
    fouten += [f"kringverwijzing: {' -> '.join(kring)}" for kring in kringen(root)]
    return fouten


def graaf(root: Path) -> Dict[str, Set[str]]:
    bekend = modules(root)
    return {naam: {doel for doel, _ in imports(pad, naam, bekend) if doel in bekend and doel != naam}
            for naam, pad in bekend.items()}


def kringen(root: Path) -> List[List[str]]:
    """One cycle per strongly connected group of modules (Tarjan), as a path."""
    g = graaf(root)
    index: Dict[str, int] = {}
    laag: Dict[str, int] = {}
    stapel: List[str] = []
    gevonden: List[List[str]] = []

    def bezoek(knoop: str) -> None:
        index[knoop] = laag[knoop] = len(index)
        stapel.append(knoop)
        for buur in sorted(g[knoop]):
            if buur not in index:
                bezoek(buur)
                laag[knoop] = min(laag[knoop], laag[buur])
            elif buur in stapel:
                laag[knoop] = min(laag[knoop], index[buur])
        if laag[knoop] == index[knoop]:
            groep = []
            while True:
                lid = stapel.pop()
                groep.append(lid)
                if lid == knoop:
                    break
            if len(groep) > 1:
                gevonden.append(sorted(groep) + [sorted(groep)[0]])

    for knoop in sorted(g):
        if knoop not in index:
            bezoek(knoop)
    return gevonden


def feature_pakketten(root: Path) -> List[Path]:
    return sorted(p for p in (root / "actions").iterdir()
                  if p.is_dir() and (p / "__init__.py").exists() and p.name != "algemeen")


# --- the project itself ----------------------------------------------------------------
def test_de_lagen_en_de_importrichting_kloppen():
    assert overtredingen(settings.ROOT) == []


@pytest.mark.parametrize("pakket", [p.name for p in feature_pakketten(settings.ROOT)])
def test_elk_featurepakket_heeft_precies_een_rasa_laag_en_een_docstring(pakket):
    map_ = settings.ROOT / "actions" / pakket
    assert (map_ / RASA_LAAG).exists(), f"actions/{pakket} heeft geen {RASA_LAAG}"
    assert ast.get_docstring(ast.parse((map_ / "__init__.py").read_text(encoding="utf-8")))
    met_rasa = [p.name for p in map_.glob("*.py")
                if any(doel.split(".")[0] == "rasa_sdk"
                       for doel, _ in imports(p, f"actions.{pakket}.{p.stem}", {}))]
    assert met_rasa in ([], [RASA_LAAG])


def test_de_featurepakketten_zijn_die_uit_de_documentatie():
    namen = {p.name for p in feature_pakketten(settings.ROOT)}
    assert namen == {"kennis", "signalering", "interventies", "aanpak", "plan", "oefenen", "verslag", "gesprek"}
    architectuur = (settings.ROOT / "docs" / "architectuur.md").read_text(encoding="utf-8")
    assert all(f"actions/{naam}/" in architectuur for naam in namen)


# --- the checks can fail -------------------------------------------------------------------
def _boom(tmp_path: Path, bestanden: Dict[str, str]) -> Path:
    for pakket in PAKKETTEN:
        (tmp_path / pakket).mkdir(exist_ok=True)
        (tmp_path / pakket / "__init__.py").write_text('"""Pakket."""\n')
    for naam, inhoud in bestanden.items():
        pad = tmp_path / naam
        pad.parent.mkdir(parents=True, exist_ok=True)
        if not (pad.parent / "__init__.py").exists():
            (pad.parent / "__init__.py").write_text('"""Pakket."""\n')
        pad.write_text(inhoud)
    return tmp_path


def test_rasa_sdk_buiten_de_rasa_laag_wordt_gemeld(tmp_path):
    root = _boom(tmp_path, {"actions/plan/velden.py": "from rasa_sdk import Tracker\n",
                            "actions/plan/acties.py": "from rasa_sdk import Action\n",
                            "gedeeld/document.py": "def f():\n    import rasa_sdk\n"})
    assert overtredingen(root) == [
        "actions/plan/velden.py:1: importeert rasa_sdk buiten een Rasa-laagmodule (acties.py)",
        "gedeeld/document.py:2: importeert rasa_sdk buiten een Rasa-laagmodule (acties.py)",
    ]


def test_actions_dat_bot_importeert_en_gedeeld_dat_actions_importeert_worden_gemeld(tmp_path):
    root = _boom(tmp_path, {"actions/kennis/kennisbank.py": "from bot import settings\n",
                            "gedeeld/redactie.py": "import actions.kennis.kennisbank\n",
                            "bot/shell.py": "from actions.kennis import kennisbank\n"})
    assert overtredingen(root) == ["actions/kennis/kennisbank.py:1: actions importeert bot",
                                   "gedeeld/redactie.py:1: gedeeld importeert actions"]


def test_een_kringverwijzing_wordt_gemeld(tmp_path):
    root = _boom(tmp_path, {"actions/plan/acties.py": "from actions.verslag import acties\n",
                            "actions/verslag/acties.py": "def f():\n    from actions.plan.acties import toon_plan\n"})
    assert overtredingen(root) == [
        "kringverwijzing: actions.plan.acties -> actions.verslag.acties -> actions.plan.acties"]


def test_geen_twee_testbestanden_met_dezelfde_naam():
    """pytest imports test files by their base name (tests/ has no packages), so
    tests/unit/test_x.py and tests/integratie/test_x.py cannot both exist."""
    namen = [p.name for p in (settings.ROOT / "tests").rglob("test_*.py")]
    assert sorted(n for n in set(namen) if namen.count(n) > 1) == []
