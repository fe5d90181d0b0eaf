"""The folders show the flow, and the imports follow it: seeds -> data -> views -> exports -> the app, with
the intake (a teacher's text into the data) beside data and views.

Every import in the project is read (inside functions too) and held against the layer of the module that
makes it; there is no list of exceptions."""

from __future__ import annotations

import ast

import pytest

from revolution.data.paths import ROOT

# A layer may import its own and every layer to its left, never one to its right. The contracts (UI
# strings, URL and session keys, size limits) are shared by every layer of the domain.
DOMAIN = ["revolution.contracts", "revolution.data", "revolution.views", "revolution.exports"]
CONTRACTS = {"revolution", "revolution.i18n", "revolution.state", "revolution.limits"}
APP = {"dashboard", "ui", "cached", "sitemap", "serve", "pages"}
TOOLS = {"benchmarks", "deploy"}
# A teacher's text into the data: beside the flow, reading with data and views; the app, the harness, the
# tools and the tests may use it.
INTAKE = "revolution.intake"


def layer(module: str) -> str:
    parts = module.split(".")
    if parts[0] != "revolution":
        return parts[0]
    top = ".".join(parts[:2])
    return "revolution.contracts" if top in CONTRACTS else top


def imports(path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([base] if base else []))
            # `from revolution.views import format` imports the module revolution.views.format
            names = [f"{base}.{a.name}" for a in node.names] if base.count(".") < 2 else [base]
            found += [(node.lineno, n if n.split(".")[0] == "revolution" else base) for n in names]
    return found


def sources():
    skip = {".venv", ".tools", ".git", "node_modules"}
    return [p for p in ROOT.rglob("*.py") if not skip & set(p.relative_to(ROOT).parts)]


def module_name(path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def violations() -> list[str]:
    bad = []
    for path in sources():
        me = module_name(path)
        mine = layer(me)
        for line, target in imports(path):
            theirs = layer(target)
            top = target.split(".")[0]
            where = f"{path.relative_to(ROOT)}:{line} imports {target}"
            if mine in DOMAIN + [INTAKE] and (
                top == "streamlit" or top in APP | TOOLS | {"tests", "harness"}
            ):
                bad.append(f"{where} (the domain never imports the app, a tool, a test or Streamlit)")
            elif mine in DOMAIN and theirs == INTAKE:
                bad.append(f"{where} (the intake stands beside the flow: nothing in it imports the intake)")
            elif mine in DOMAIN and theirs in DOMAIN and DOMAIN.index(theirs) > DOMAIN.index(mine):
                bad.append(f"{where} ({mine} is left of {theirs})")
            elif mine == INTAKE and theirs == "revolution.exports":
                bad.append(f"{where} (the intake reads with data and views, never with the exports)")
            elif top in ("kiwipiepy", "kiwipiepy_model") and mine != INTAKE:
                bad.append(
                    f"{where} (only the intake loads the Korean analyser: the dashboard never pays for it)"
                )
            elif mine == "harness" and top in {"tests", "benchmarks", "deploy"}:
                bad.append(f"{where} (the shared helpers serve tests and tools, never import them)")
            elif mine in TOOLS and top == "tests":
                bad.append(f"{where} (a tool never imports a test; shared helpers live in harness/)")
    return bad


def test_every_import_follows_the_flow():
    assert violations() == []


@pytest.mark.parametrize(
    ("module", "target", "allowed"),
    [
        ("revolution.data.load", "revolution.views.format", False),
        ("revolution.views.format", "revolution.data.load", True),
        ("revolution.views.format", "revolution.exports.slides", False),
        ("revolution.exports.slides", "revolution.views.format", True),
        ("revolution.i18n", "revolution.data.load", False),
        ("revolution.data.load", "revolution.i18n", True),
    ],
)
def test_the_order_of_the_layers(module, target, allowed):
    """The rule itself, on pairs whose answer is known: a change to DOMAIN that reorders it fails here."""
    mine, theirs = layer(module), layer(target)
    assert (DOMAIN.index(theirs) <= DOMAIN.index(mine)) is allowed


def test_the_domain_has_no_module_outside_its_layers():
    """A new module goes into data, views or exports; only the shared contracts sit at the top."""
    loose = {module_name(p) for p in (ROOT / "revolution").glob("*.py")} - CONTRACTS - {"revolution.__init__"}
    assert loose == set()


def test_the_intake_has_its_place_and_the_check_can_fail(tmp_path, monkeypatch):
    """The rules hold the intake where it stands: a line that would break them is found."""
    assert layer("revolution.intake.figures") == INTAKE
    bad = tmp_path / "revolution" / "views" / "uses_intake.py"
    bad.parent.mkdir(parents=True)
    bad.write_text("from revolution.intake import propose\nimport kiwipiepy\n", encoding="utf-8")
    monkeypatch.setattr("tests.test_layers.ROOT", tmp_path)
    found = violations()
    assert any("nothing in it imports the intake" in v for v in found)
    assert any("only the intake loads the Korean analyser" in v for v in found)
