"""``policyparse convert --jobs N``: worker processes give exactly what one process gives."""

from __future__ import annotations

import concurrent.futures
import io
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, ClassVar

import pytest

from policyparse import _batch, cli
from policyparse.cli import main
from tests.conftest import SEED, corpus_files
from tests.terminal import on_a_terminal

CORPUS = corpus_files()
needs_corpus = pytest.mark.skipif(not CORPUS, reason="needs the corpus (tests/data/corpus)")


def _script() -> str:
    return str(Path(sys.executable).parent / "policyparse")


def _tree(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def _inputs(tmp_path: Path) -> list[str]:
    """The corpus (or the seed), a binary file and a name clash."""
    folder = tmp_path / "in"
    (folder / "again").mkdir(parents=True)
    for source in CORPUS or [SEED]:
        shutil.copy(source, folder / source.name)
    shutil.copy(SEED, folder / "again" / SEED.name)
    (folder / "bad.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00binary")
    return [str(folder)]


@needs_corpus
@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_two_jobs_write_the_same_files_as_one(
    tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = _inputs(tmp_path)
    results = []
    for jobs in ("1", "2"):
        status = main(["convert", "-q", *inputs, "--to", fmt, "-o", str(tmp_path / jobs), "--jobs", jobs])
        results.append((status, capsys.readouterr()))
    assert results[0] == results[1]
    status, captured = results[0]
    assert status == 1 and captured.out == ""
    assert captured.err == f"{tmp_path / 'in' / 'bad.txt'}: binary data, not a text document\n"
    one, two = _tree(tmp_path / "1"), _tree(tmp_path / "2")
    assert one == two
    suffix = ".json" if fmt == "json" else ".md"
    assert set(one) == {f"{path.stem}{suffix}" for path in [*CORPUS, SEED]}  # bad.txt: none


@needs_corpus
def test_two_jobs_print_the_same_json_lines_in_input_order(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    inputs = [str(path) for path in CORPUS]
    outputs = []
    for jobs in ("1", "2"):
        assert main(["convert", "-q", *inputs, "--jobs", jobs]) == 0
        outputs.append(capsysbinary.readouterr())
    assert outputs[0] == outputs[1] and outputs[0].err == b""
    lines = outputs[0].out.decode("utf-8").splitlines()
    assert [json.loads(line)["source"]["name"] for line in lines] == [path.name for path in CORPUS]


def test_stdin_among_several_inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "b.txt"
    other.write_text("一、总则\n", encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("（一）甲\n".encode("gb18030"))))
        assert main(["convert", str(other), "-", "--jobs", jobs]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert [json.loads(line)["source"]["name"] for line in outputs[0].splitlines()] == ["b.txt", None]


def test_an_unwritable_output_file_does_not_stop_the_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("一、甲\n", encoding="utf-8")
    second.write_text("一、乙\n", encoding="utf-8")
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        (out / "a.json").mkdir(parents=True)  # a folder where a.json should go
        assert main(["convert", str(first), str(second), "-o", str(out), "--jobs", jobs]) == 2
        assert capsys.readouterr().err == f"policyparse: {out / 'a.json'}: Is a directory\n"
        assert json.loads((out / "b.json").read_text(encoding="utf-8"))["sections"][0]["title"] == "乙"


@pytest.mark.parametrize("value", ["0", "-1", "two", ""])
def test_jobs_must_be_a_positive_number(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(SEED), "--jobs", value]) == 2
    err = capsys.readouterr().err
    assert err.startswith("policyparse: argument -j/--jobs: ") and err.count("\n") == 1


def test_the_default_is_the_usable_cpus() -> None:
    arguments = cli._build_parser().parse_args(["convert", str(SEED)])
    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert arguments.jobs == expected


class _RecordingPool(concurrent.futures.ProcessPoolExecutor):
    sizes: ClassVar[list[int | None]] = []

    def __init__(self, max_workers: int | None = None, **options: Any) -> None:
        self.sizes.append(max_workers)
        super().__init__(max_workers, **options)


def test_pool_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """One input never starts a pool, nor does --jobs 1; the pool has no more workers than inputs."""
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _RecordingPool)
    _RecordingPool.sizes = []
    other = tmp_path / "b.txt"
    other.write_text("一、总则\n", encoding="utf-8")
    assert main(["convert", str(SEED), "--jobs", "8"]) == 0
    assert main(["convert", str(SEED), str(other), "--jobs", "1"]) == 0
    assert _RecordingPool.sizes == []
    assert main(["convert", str(SEED), str(other), "--jobs", "8"]) == 0
    assert _RecordingPool.sizes == [2]
    capsys.readouterr()


def _die(task: object) -> None:
    os._exit(9)  # as the kernel's out-of-memory killer would end a worker


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="the patched worker function reaches workers by fork"
)
def test_a_worker_that_dies_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(_batch, "convert_one", _die)
    assert main(["convert", str(SEED), str(SEED), "-o", str(tmp_path), "--jobs", "2"]) == 2
    assert capsys.readouterr().err == "policyparse: a worker process died (out of memory?); try fewer --jobs\n"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_progress_baron_a_terminal(tmp_path: Path, jobs: str) -> None:
    files = []
    for name in ("a", "b", "c"):
        files.append(tmp_path / f"{name}.txt")
        files[-1].write_text(f"一、{name}\n", encoding="utf-8")
    command = [_script(), "convert", *map(str, files), "-o", str(tmp_path / "out"), "--jobs", jobs]
    shown = on_a_terminal(command).decode("utf-8")
    assert "[####################] [3/3] " in shown and "c.txt" in shown
    assert " docs/s " in shown and "converted 3 files (" in shown
    assert subprocess.run(command, capture_output=True, check=True).stderr == b""


@needs_corpus
@pytest.mark.parametrize("whom", ["group", "main process"])
def test_ctrl_c_stops_cleanly(tmp_path: Path, whom: str) -> None:
    """Ctrl-C (SIGINT to the process group, as a terminal sends it, or to the main process
    alone): exit 130, nothing on stderr, no worker process left behind."""
    folder = tmp_path / "in"
    folder.mkdir()
    for copy in range(6):
        for source in CORPUS:
            shutil.copy(source, folder / f"{copy}-{source.name}")
    out = tmp_path / "out"
    process = subprocess.Popen(
        [_script(), "convert", str(folder), "-o", str(out), "--jobs", "2"],
        stderr=subprocess.PIPE, start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not (out.is_dir() and len(list(out.iterdir())) >= 3) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, "the batch ended before it could be interrupted"
    if whom == "group":
        os.killpg(process.pid, signal.SIGINT)
    else:
        process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130 and err == b""
    time.sleep(0.2)
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)  # the session's group is empty: every worker has ended
    assert len(list(out.iterdir())) < 6 * len(CORPUS)
