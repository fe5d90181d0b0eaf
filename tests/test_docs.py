"""Documentation is tested like code: the README is a short front door that links every document, and
every URL parameter and every data table is documented."""

import csv
import json
import re

import sitemap
from revolution import state

from .conftest import DATA, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md")}


def test_the_readme_is_a_front_door_that_links_every_document():
    assert len(README.encode("utf-8")) < 12_000  # what it is and how to start, not the measurements
    linked = set(re.findall(r"\]\(docs/([\w.-]+\.md)\)", README))
    assert set(DOCS) <= linked, sorted(set(DOCS) - linked)
    for name in ("LICENSE", "LICENSE-DATA.md", "CITATION.cff"):
        assert f"]({name})" in README and (ROOT / name).exists()


def page_rows() -> dict[str, str]:
    """using.md's table of pages: each page's url path and the row that lists its parameters."""
    rows = re.findall(r"^\| [^|]+ \| `/([\w-]+)`[^|]* \|(.+)$", DOCS["using.md"], re.M)
    return dict(rows)


def test_every_url_parameter_is_documented_on_the_row_of_each_page_that_reads_it():
    rows = page_rows()
    assert set(rows) >= {p.url_path for p in sitemap.PAGES}
    missing = [
        (p.key, page)
        for p in state.URL_PARAMS
        for page in p.pages
        if page != "*" and f"`{p.key}`" not in rows[page]
    ]
    assert missing == []
    everywhere = [p.key for p in state.URL_PARAMS if "*" in p.pages]
    assert [k for k in everywhere if f"`{k}`" not in DOCS["using.md"]] == []


def test_every_data_table_is_documented():
    pkg = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    missing = [r["path"] for r in pkg["resources"] if f"`{r['path']}`" not in DOCS["data.md"]]
    assert missing == []


def test_the_two_commands_are_in_the_readme_and_ci_calls_the_test_one():
    assert "./dev run" in README and "./dev test" in README
    assert "./dev test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_licences_say_what_is_whose():
    """MIT for the code, CC BY 4.0 for the data the project wrote, the texts named as their authors'."""
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    pkg = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    assert [lic["name"] for lic in pkg["licenses"]] == ["CC-BY-4.0"]
    cff = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert re.search(r"^license:\n  - MIT\n  - CC-BY-4.0$", cff, re.M)
    statement = (ROOT / "LICENSE-DATA.md").read_text(encoding="utf-8")
    with (DATA / "sources.csv").open(encoding="utf-8") as f:
        authors = {row["source_id"]: row["author_ko"] for row in csv.DictReader(f)}
    assert len(authors) >= 2 and [s for s, a in authors.items() if a not in statement] == []
