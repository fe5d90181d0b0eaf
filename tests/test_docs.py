"""Documentation is tested like code: every URL parameter and every data table is in the README."""

import json

from revolution import state

from .conftest import DATA, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_url_parameter_is_documented():
    keys = [v for k, v in vars(state).items() if k.isupper() and isinstance(v, str) and not v.startswith("_")]
    assert len(keys) > 10
    missing = [k for k in keys if f"`{k}`" not in README]
    assert missing == []


def test_every_data_table_is_documented():
    pkg = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    missing = [
        r["path"] for r in pkg["resources"] if f"`{r['path']}`" not in README and r["path"] not in README
    ]
    assert missing == []


def test_the_two_commands_are_in_the_readme_and_ci_calls_the_test_one():
    assert "./dev run" in README and "./dev test" in README
    assert "./dev test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
