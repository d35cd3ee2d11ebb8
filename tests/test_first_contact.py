"""A new user's first commands: version, usage, output safety, folder filters, warnings, --compact.

Each runs the installed console script (as a user does) or ``main`` in-process where a
subprocess adds nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

import policyparse
from policyparse.cli import main
from tests.conftest import CORPUS, ROOT, SEED

SCRIPT = str(Path(sys.executable).parent / "policyparse")
PAGE = CORPUS / "html" / "gov-opinion-bonded-zones-2019.html"
GAP = "一、总则\n三、附则\n"  # a numbering gap: 二、 is missing


def _run(*arguments: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SCRIPT, *arguments], input=stdin.decode("utf-8") if stdin is not None else None,
        capture_output=True, text=True, check=False, cwd=cwd,
    )


def test_version_from_the_package_metadata() -> None:
    result = _run("--version")
    assert result.returncode == 0
    assert result.stdout == f"policyparse {metadata.version('policyparse')}\n"
    assert policyparse.__version__ == metadata.version("policyparse")


def test_bare_command_lists_the_verbs() -> None:
    result = _run()
    assert result.returncode == 2 and result.stdout == ""
    assert all(verb in result.stderr for verb in ("convert", "check", "diff", "--help"))


def test_convert_help_lists_inputs_and_outputs() -> None:
    shown = _run("convert", "--help").stdout
    for kind in (".txt", ".md", ".html", ".docx", "json ", "markdown ", "text "):
        assert kind in shown, kind


def test_output_over_the_input_is_refused(tmp_path: Path) -> None:
    law = tmp_path / "law.md"
    law.write_bytes(SEED.read_bytes())
    result = _run("convert", str(law), "--to", "markdown", "-o", str(law))
    assert result.returncode == 2 and "refusing to write over it" in result.stderr
    assert law.read_bytes() == SEED.read_bytes()
    # The same file by another name: a hard link, and a path through a linked folder.
    linked = tmp_path / "linked.md"
    os.link(law, linked)
    (tmp_path / "alias").symlink_to(tmp_path)
    for other in (linked, tmp_path / "alias" / "law.md", tmp_path / "." / "law.md"):
        assert _run("convert", str(law), "-o", str(other)).returncode == 2
    assert law.read_bytes() == SEED.read_bytes()


def test_folder_output_over_an_input_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.md").write_text("一、总则\n", encoding="utf-8")
    result = _run("convert", str(folder), "--to", "markdown", "-o", str(folder))
    assert result.returncode == 2 and "a.md" in result.stderr
    assert (folder / "a.md").read_text(encoding="utf-8") == "一、总则\n"


def test_diff_output_over_an_input_is_refused(tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("一、总则\n", encoding="utf-8")
    new.write_text("一、总则\n二、附则\n", encoding="utf-8")
    result = _run("diff", str(old), str(new), "-o", str(old))
    assert result.returncode == 2 and "refusing to write over it" in result.stderr
    assert old.read_text(encoding="utf-8") == "一、总则\n"


def test_several_inputs_need_a_folder_not_a_file_name(tmp_path: Path) -> None:
    target = tmp_path / "two.json"
    result = _run("convert", str(SEED), str(PAGE), "-o", str(target))
    assert result.returncode == 2 and "need a folder" in result.stderr
    assert not target.exists()


def test_an_output_file_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "seed.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    assert _run("convert", str(SEED), "-o", str(target)).returncode == 0
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "policyparse/1"
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seed.json"]  # no temporary file left


def test_an_unwritable_folder_leaves_no_temporary_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = _run("convert", str(SEED), "-o", str(folder / "seed.json"))
    finally:
        folder.chmod(0o700)
    assert result.returncode == 2 and list(folder.iterdir()) == []


def test_compact_json_is_one_line_with_the_same_data() -> None:
    indented = _run("convert", str(SEED)).stdout
    compact = _run("convert", str(SEED), "--compact").stdout
    assert compact.count("\n") == 1 and json.loads(compact) == json.loads(indented)
    assert len(compact) < len(indented) * 0.7


def test_include_and_exclude_in_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "notes").mkdir(parents=True)
    (folder / "law.md").write_text("第一条 总则。\n", encoding="utf-8")
    (folder / "notes" / "todo.md").write_text("记得看第二条\n", encoding="utf-8")
    (folder / "page.html").write_bytes(PAGE.read_bytes())
    (folder / "data.csv").write_text("a,b\n", encoding="utf-8")

    def names(*options: str) -> list[str]:
        out = _run("convert", str(folder), "--compact", "-q", *options).stdout
        return sorted(json.loads(line)["source"]["name"] for line in out.splitlines())

    assert names() == ["law.md", "page.html", "todo.md"]
    assert names("--exclude", "notes/*") == ["law.md", "page.html"]
    assert names("--include", "*.html") == ["page.html"]
    assert names("--include", "*.md", "--include", "*.csv", "--exclude", "notes/*") == ["data.csv", "law.md"]
    nothing = _run("convert", str(folder), "--include", "*.pdf")
    assert nothing.returncode == 2 and "*.pdf" in nothing.stderr


def test_numbering_warnings_are_one_line_per_file(tmp_path: Path) -> None:
    path = tmp_path / "gap.txt"
    path.write_text(GAP, encoding="utf-8")
    result = _run("convert", str(path), "-o", str(tmp_path / "gap.json"))
    assert result.returncode == 0
    assert result.stderr == f"{path}:2: numbering warning: numbering-gap: 「三、」 follows 「一、」: number 2 is missing\n"
    quiet = _run("convert", "-q", str(path), "-o", str(tmp_path / "gap.json"))
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_a_page_on_stdin_is_read_as_a_page() -> None:
    result = _run("convert", "-", stdin=PAGE.read_bytes())
    data = json.loads(result.stdout)
    assert data["meta"]["title"] == "国务院关于促进综合保税区高水平开放高质量发展的若干意见"
    assert any(item["reason"] == "site-chrome" for item in data["set_aside"])


def test_parse_given_bytes_names_parse_bytes() -> None:
    with pytest.raises(TypeError, match="parse_bytes"):
        policyparse.parse(b"\xe4\xb8\x80\xe3\x80\x81")  # type: ignore[arg-type]
    assert policyparse.parse_bytes("一、总则\n".encode("gb18030")).sections[0].title == "总则"


def test_bare_main_in_process(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["policyparse"])
    assert main() == 2 and "convert" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_convert_installs_the_runtime_only(tmp_path: Path) -> None:
    """`make convert` installs what converting needs; `make test` the developer tools and the docs build."""

    def planned(target: str) -> str:
        return subprocess.run(
            ["make", "-n", "-C", str(ROOT), target, f"VENV={tmp_path / 'venv'}"],
            capture_output=True, text=True, check=True,
        ).stdout

    convert = planned("convert")
    assert "pip install --quiet -e .\n" in convert and "[dev]" not in convert
    test = planned("test")
    assert "-e '.[dev]'" in test and "mkdocs build --strict" in test and "pytest" in test
