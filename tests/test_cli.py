"""The command line: in-process through main(), and the installed console script once."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import policyparse
from policyparse.cli import main
from tests.conftest import SEED
from tests.terminal import on_a_terminal


def test_convert_to_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "policyparse/1"
    assert [s["label"] for s in data["sections"]][1:] == ["四、", "五、", "六、"]


def test_convert_to_text_is_byte_exact(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["convert", str(SEED), "--to", "text"]) == 0
    assert capsysbinary.readouterr().out == SEED.read_bytes()


def test_convert_several_files_into_a_folder(tmp_path: Path) -> None:
    second = tmp_path / "in" / "b.txt"
    second.parent.mkdir()
    second.write_text("一、总则\n", encoding="utf-8")
    assert main(["convert", str(SEED), str(second), "-o", str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["000_45a6f49ae89e1481.json", "b.json"]


def test_several_files_to_stdout_are_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "b.txt"
    other.write_text("一、总则\n", encoding="utf-8")
    assert main(["convert", str(SEED), str(other)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["source"]["name"] for line in lines] == ["000_45a6f49ae89e1481.txt", "b.txt"]


def test_gb18030_input_is_decoded_with_a_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    assert main(["convert", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["diagnostics"][0]["code"] == "encoding-fallback"
    assert data["source"]["length"] == 8784


def test_bom_is_not_part_of_the_text(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SEED.read_bytes())
    assert main(["convert", str(path), "--to", "text"]) == 0
    assert capsysbinary.readouterr().out == SEED.read_bytes()


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\x00\x01\x02binary", "binary"), (b"\x80\x81\xfe\xff text", "not UTF-8")],
)
def test_unconvertible_input_exits_1_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert main(["convert", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and message in captured.err and str(path) in captured.err


@pytest.mark.parametrize("argv", [["convert", "missing.txt"], ["convert"], ["frobnicate"]])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert capsys.readouterr().err.startswith("policyparse: ")


def test_empty_file_is_an_empty_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert main(["convert", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["diagnostics"][0]["code"] == "empty-document"


def test_check_prints_file_line_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "gap.txt"
    path.write_text("一、甲\n二、乙\n四、丁\n", encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().out.startswith(f"{path}:3: numbering-gap: ")
    assert main(["check", "--strict", str(path)]) == 1


def test_console_script_and_closed_stdout() -> None:
    script = shutil.which("policyparse", path=str(Path(sys.executable).parent))
    assert script is not None, "the console script is installed with the package"
    result = subprocess.run(
        f"'{script}' convert '{SEED}' | head -c 10", shell=True, capture_output=True, check=False
    )
    assert result.returncode == 0 and result.stderr == b""
    assert result.stdout.startswith(b"{")
    module = subprocess.run(
        [sys.executable, "-m", "policyparse", "convert", str(SEED), "--to", "text"],
        capture_output=True, check=True,
    )
    assert module.stdout == SEED.read_bytes()


def test_markdown_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(SEED), "--to", "markdown"]) == 0
    assert "## 四、着力提升碳市场活力" in capsys.readouterr().out


def test_folder_input_and_name_clashes(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "x.txt").write_text("一、总则\n", encoding="utf-8")
    assert main(["convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--to", "markdown"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["x-2.md", "x.md"]


def test_single_input_into_a_new_folder(tmp_path: Path) -> None:
    assert main(["convert", str(SEED), "-o", f"{tmp_path / 'new'}/"]) == 0
    assert (tmp_path / "new" / "000_45a6f49ae89e1481.json").is_file()


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    import io

    text = "四、着力提升碳市场活力\r\n（六）丰富交易产品。正文。\r\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("gb18030"))))
    assert main(["convert", "-", "--to", "text"]) == 0
    assert capsysbinary.readouterr().out == text.encode("utf-8")


def test_progress_only_on_a_terminal(tmp_path: Path) -> None:
    other = tmp_path / "b.txt"
    other.write_text("一、总则\n", encoding="utf-8")
    script = Path(sys.executable).parent / "policyparse"
    command = [str(script), "convert", str(SEED), str(other), "-o", str(tmp_path / "out")]
    piped = subprocess.run(command, capture_output=True, check=True)
    assert piped.stderr == b""
    shown = on_a_terminal(command)
    assert b"[2/2]" in shown and b"converted 2 files" in shown


def test_huge_single_line_through_the_console_script(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("一、" + "很长的一行文字，" * 2_600_000, encoding="utf-8")  # about 60 MB of UTF-8, one line
    result = subprocess.run([_script(), "convert", str(path)], capture_output=True, check=False)
    assert result.returncode == 0 and result.stderr == b""
    data = json.loads(result.stdout)
    assert data["sections"][0]["label"] == "一、" and data["source"]["length"] == 2 + 8 * 2_600_000


def test_a_folder_with_no_documents_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(tmp_path)]) == 2
    assert "folder holds no files to convert" in capsys.readouterr().err


def _script() -> str:
    return str(Path(sys.executable).parent / "policyparse")


@pytest.mark.parametrize(
    ("content", "exit_code", "message"),
    [
        (None, 2, "no such file"),  # missing file
        ("folder", 2, "folder holds no files to convert"),  # a folder with no documents
        (b"", 0, ""),  # empty file: an empty document
        (b"\x7fELF\x02\x01\x01\x00\x00\x00binary", 1, "binary data"),
        (b"\x80\x81\xfe\xff not text", 1, "not UTF-8"),
        (b"\xef\xbb\xbf\xff\xfe broken after a BOM", 1, "byte-order mark"),
    ],
    ids=["missing", "empty-folder", "empty-file", "binary", "undecodable", "broken-bom"],
)
def test_console_script_on_bad_input(
    tmp_path: Path, content: bytes | str | None, exit_code: int, message: str
) -> None:
    target = tmp_path / "input.txt"
    if content == "folder":
        target = tmp_path / "empty"
        target.mkdir()
    elif isinstance(content, bytes):
        target.write_bytes(content)
    result = subprocess.run([_script(), "convert", str(target)], capture_output=True, text=True, check=False)
    assert result.returncode == exit_code
    assert "Traceback" not in result.stderr
    if message:
        assert result.stderr.count("\n") == 1 and message in result.stderr
    else:
        assert result.stderr == "" and json.loads(result.stdout)["diagnostics"][0]["code"] == "empty-document"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "utf-16"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_re_encoded_corpus_files_give_back_their_text(tmp_path: Path, encoding: str, newline: str) -> None:
    from tests.conftest import GOLDEN

    for source in sorted(GOLDEN.glob("*/input.txt")):
        text = source.read_text(encoding="utf-8").replace("\n", newline)
        path = tmp_path / f"{source.parent.name}.txt"
        path.write_bytes(text.encode(encoding))
        document = policyparse.parse_file(path)
        assert policyparse.to_text(document) == text, source
        assert [s.path for s in document.walk()] == [s.path for s in policyparse.parse(text).walk()]


def _fresh(code: str, *arguments: str) -> str:
    """Run ``code`` in a fresh interpreter; return its stdout."""
    return subprocess.run([sys.executable, "-c", code, *arguments], capture_output=True, text=True, check=True).stdout


def test_import_and_convert_do_not_import_the_diff(tmp_path: Path) -> None:
    code = "import policyparse, sys; print('policyparse.compare' in sys.modules)"
    assert _fresh(code) == "False\n"
    code = (
        "import sys\nfrom policyparse.cli import main\n"
        "status = main(['convert', sys.argv[1], '-o', sys.argv[2]])\n"
        "status |= main(['check', sys.argv[1]])\n"
        "print(status, 'policyparse.compare' in sys.modules)"
    )
    assert _fresh(code, str(SEED), str(tmp_path / "seed.json")).endswith("0 False\n")


def test_diff_names_load_on_first_use() -> None:
    code = (
        "import policyparse, policyparse.compare.records\n"
        "from policyparse import diff, DocumentDiff\n"
        "from policyparse.compare import diff_to_data\n"
        "import policyparse.compare.render_text\n"
        "print(policyparse.diff is diff, diff.__module__, DocumentDiff.__name__, 'diff' in dir(policyparse))"
    )
    assert _fresh(code) == "True policyparse.compare.engine DocumentDiff True\n"
    assert policyparse.diff(policyparse.parse("一、甲\n"), policyparse.parse("一、甲\n")).substantive is False
    with pytest.raises(AttributeError):
        _ = policyparse.no_such_name


@pytest.mark.parametrize("argv", [["--help"], ["diff", "--help"]])
def test_help_lists_the_diff_verb(argv: list[str]) -> None:
    result = subprocess.run([_script(), *argv], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "diff" in result.stdout
    if argv[0] == "diff":
        assert "OLD NEW" in result.stdout and "--color" in result.stdout


def test_every_submodule_imports_by_name_and_the_diff_loads_no_argparse() -> None:
    code = (
        "import sys, policyparse.compare.records as records, policyparse.compare.engine\n"
        "import policyparse\n"
        "print(records.DocumentDiff.__name__, callable(policyparse.diff), 'argparse' in sys.modules)"
    )
    assert _fresh(code) == "DocumentDiff True False\n"


def test_the_diff_and_the_command_line_do_not_import_each_other() -> None:
    """Importing the diff loads no argparse; the diff verb's module loads no CLI, and the CLI
    loads no diff until the verb runs (``--help`` and ``convert`` never pay for it)."""
    probe = (
        "import sys, policyparse.compare\n"
        "assert 'argparse' not in sys.modules and 'policyparse.cli' not in sys.modules\n"
        "import policyparse._diff_command\n"
        "assert 'policyparse.cli' not in sys.modules and 'argparse' not in sys.modules\n"
        "for name in [n for n in sys.modules if n.startswith('policyparse')]: del sys.modules[name]\n"
        "import policyparse.cli\n"
        "assert not [n for n in sys.modules if n.startswith('policyparse.compare')]\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("argument", ["--help", "--version", "-h"])
def test_help_and_version_load_nothing_of_the_pipeline(argument: str) -> None:
    """Start-up (issue 19): the console script's ``--help`` and ``--version`` import no parser,
    model, reader, Lark, attrs, pathlib or shutil: what they print needs none of them."""
    probe = (
        "import sys, contextlib, io\n"
        "from policyparse._launch import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out, contextlib.suppress(SystemExit):\n"
        f"    sys.argv = ['policyparse', {argument!r}]\n"
        "    main()\n"
        "loaded = {n for n in sys.modules if n.split('.')[0] in\n"
        "          ('lark', 'attrs', 'attr', 'regex', 'cattrs', 'pathlib', 'typing', 'shutil', 'multiprocessing')}\n"
        "loaded |= {n for n in sys.modules if n.startswith('policyparse.') and n.split('.')[1] in\n"
        "           ('model', '_parse', '_grammar', '_batch', '_inputs', 'readers', 'compare', '_convert_command')}\n"
        "assert 'policyparse' in out.getvalue(), out.getvalue()\n"
        "print(sorted(loaded))\n"
    )
    assert _fresh(probe) == "[]\n"


def test_diff_and_convert_say_the_same_of_an_input_they_cannot_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["diff", str(tmp_path), str(SEED)], ["convert", str(tmp_path / "missing.txt")]):
        assert main(argv) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [f"policyparse: {tmp_path}: a folder, not a regular file or a pipe",
                   f"policyparse: {tmp_path / 'missing.txt'}: no such file"]


def test_help_is_wrapped_to_the_terminal_width(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The help's formatter takes the width from COLUMNS (it asks no shutil): the usage and the
    options wrap to it."""
    lines = {}
    for columns in (60, 150):
        monkeypatch.setenv("COLUMNS", str(columns))
        with pytest.raises(SystemExit):
            main(["convert", "--help"])
        usage = capsys.readouterr().out.split("\n\n")[0].splitlines()
        assert max(len(line) for line in usage) <= columns
        lines[columns] = len(usage)
    assert lines[60] > lines[150]
