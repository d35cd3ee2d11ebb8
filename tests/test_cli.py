"""The command line: in-process through main(), and the installed console script once."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from policyparse.cli import main
from tests.conftest import SEED


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


@pytest.mark.parametrize("argv", [["convert", "missing.txt"], ["convert"], ["frobnicate"], []])
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
