"""Hostile conditions, through the installed console script (signals need a real process):
a full disk or a closed stdout, signals at any moment, endless inputs."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import GOLDEN, SEED

SCRIPT = str(Path(sys.executable).parent / "policyparse")
LAW = GOLDEN / "law-state-council-organic-2024" / "input.txt"


def _run_shell(command: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, PATH=f"{Path(SCRIPT).parent}{os.pathsep}{os.environ['PATH']}")
    return subprocess.run(["bash", "-c", command], capture_output=True, text=True, check=False, env=environment)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("verb", [f"convert {SEED}", f"check {SEED}", f"diff {SEED} {LAW}"])
def test_a_full_disk_is_one_line(verb: str) -> None:
    result = _run_shell(f"policyparse {verb} > /dev/full")
    assert result.returncode == 2
    assert result.stderr == "policyparse: cannot write the output: No space left on device\n"


@pytest.mark.parametrize("verb", [f"convert {SEED}", f"check {SEED}", f"diff {SEED} {LAW}"])
def test_a_closed_stdout_is_one_line(verb: str) -> None:
    result = _run_shell(f"policyparse {verb} >&-")
    assert result.returncode == 2
    assert result.stderr == "policyparse: cannot write the output: standard output is closed\n"


def test_a_closed_stdout_does_not_matter_with_an_output_file(tmp_path: Path) -> None:
    result = _run_shell(f"policyparse convert {SEED} -o {tmp_path / 'seed.json'} >&-")
    assert result.returncode == 0 and result.stderr == ""


def test_a_closed_pipe_stays_quiet() -> None:
    result = _run_shell(f"policyparse convert {SEED} | head -c 10 > /dev/null; echo ${{PIPESTATUS[0]}}")
    assert result.stdout.strip() in ("0", "141") and result.stderr == ""


def _folder(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    text = LAW.read_bytes()
    for index in range(count):
        (folder / f"d{index:03d}.txt").write_bytes(text)
    return folder


def _children(pid: int) -> list[int]:
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(child) for child in found]


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return status.split(")")[-1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc to see the worker processes")
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130), (signal.SIGHUP, 129)])
def test_a_signal_stops_the_workers_and_leaves_whole_files(tmp_path: Path, signum: int, code: int) -> None:
    out = tmp_path / "out"
    process = subprocess.Popen(
        [SCRIPT, "convert", str(_folder(tmp_path, 400)), "-o", str(out), "--jobs", "2", "-q"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 30
    while not (out.is_dir() and len(list(out.iterdir())) >= 5) and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = _children(process.pid)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == code and "Traceback" not in stderr
    time.sleep(0.5)
    assert workers and not [pid for pid in workers if _alive(pid)]
    written = list(out.iterdir())
    assert written and not [p.name for p in written if p.name.startswith(".") or p.suffix == ".tmp"]
    for path in written:
        json.loads(path.read_text(encoding="utf-8"))  # every file there is whole
    assert len(written) < 400  # it did stop


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc to see the worker processes")
def test_workers_stop_when_the_command_is_killed(tmp_path: Path) -> None:
    """SIGKILL leaves the command no chance to stop its workers: they see it and stop themselves,
    each removing the file it was writing."""
    out = tmp_path / "out"
    process = subprocess.Popen(
        [SCRIPT, "convert", str(_folder(tmp_path, 400)), "-o", str(out), "--jobs", "2", "-q"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while not (out.is_dir() and len(list(out.iterdir())) >= 5) and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = _children(process.pid)
    process.kill()
    process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while [pid for pid in workers if _alive(pid)] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert workers and not [pid for pid in workers if _alive(pid)]
    assert not [p.name for p in out.iterdir() if p.name.startswith(".") or p.suffix == ".tmp"]


@pytest.mark.parametrize("delay", [0.0, 0.02, 0.05, 0.1, 0.15, 0.3])
def test_ctrl_c_at_start_up_is_quiet(delay: float) -> None:
    process = subprocess.Popen([SCRIPT, "convert", str(SEED)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    # 130 once the program runs; -2 (the shell's 130 too) while the interpreter itself starts, or
    # 1 when the signal stops the interpreter's own import of site (before any line of ours).
    in_site = b"init_import_site" in stderr
    assert process.returncode in (0, 130, -signal.SIGINT) or (process.returncode == 1 and in_site), stderr.decode()
    assert not _frames_after_start_up(stderr.decode()), stderr.decode()


def _frames_after_start_up(traceback: str) -> list[str]:
    """The frames of a traceback that the launcher should have kept quiet: anything but the
    interpreter's start-up, the console script's import line and the two modules that run
    before the signals are armed (the package's names and the launcher's own imports)."""
    package = str(Path(__file__).resolve().parents[1] / "policyparse")
    frames = re.findall(r'File "([^"]+)", line \d+, in (\S+)', traceback)
    return [
        f"{path}:{function}"
        for path, function in frames
        if (path.startswith(package)
        and not (path.endswith(("__init__.py", "_launch.py")) and function == "<module>"))
        or "site-packages" in path
    ]


def test_the_start_up_judge_sees_a_late_interrupt() -> None:
    late = 'Traceback (most recent call last):\n  File "/x/bin/policyparse", line 3, in <module>\n'
    late += f'  File "{Path(__file__).resolve().parents[1]}/policyparse/cli.py", line 9, in <module>\n'
    assert _frames_after_start_up(late)
    early = 'Traceback (most recent call last):\n  File "/x/bin/policyparse", line 3, in <module>\n'
    early += '  File "<frozen importlib._bootstrap>", line 1, in _find_and_load\n'
    assert not _frames_after_start_up(early)


# -- endless and huge inputs ---------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("verb", ["convert", "check"])
def test_a_device_is_refused(verb: str) -> None:
    result = subprocess.run([SCRIPT, verb, "/dev/zero"], capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 2
    assert result.stderr == "policyparse: /dev/zero: a device, not a regular file or a pipe\n"


def test_an_input_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes("一、总则\n".encode() * 200_000)  # 2.6 MB
    result = subprocess.run([SCRIPT, "convert", str(big), "--max-size", "1M"], capture_output=True, text=True, check=False)
    assert result.returncode == 1 and result.stderr == f"{big}: larger than 1 MB; raise the limit with --max-size\n"
    piped = subprocess.run(
        [SCRIPT, "convert", "-", "--max-size", "1M"], input=big.read_bytes(), capture_output=True, check=False
    )
    assert piped.returncode == 1 and piped.stderr == b"-: larger than 1 MB; raise the limit with --max-size\n"
    assert subprocess.run([SCRIPT, "convert", str(big), "--max-size", "3M"], capture_output=True, check=False).returncode == 0


@pytest.mark.parametrize("size", ["0", "-1", "1T", "x", "1.5M"])
def test_a_bad_size_is_a_usage_error(size: str) -> None:
    result = subprocess.run([SCRIPT, "convert", str(SEED), "--max-size", size], capture_output=True, text=True, check=False)
    assert result.returncode == 2 and "--max-size" in result.stderr and "Traceback" not in result.stderr


def test_sizes_are_read_as_people_write_them() -> None:
    from policyparse._read import parse_size

    assert [parse_size(text) for text in ("300", "512K", "256M", "1G", "256MB", "1GiB", "2m")] == [
        300, 512 << 10, 256 << 20, 1 << 30, 256 << 20, 1 << 30, 2 << 20
    ]


# -- text that cannot be written, and text that would drive a terminal ----------------------------


def test_a_lone_surrogate_is_refused_with_its_place() -> None:
    import policyparse

    text = "一、总则\n第二行\udcff文字\n"
    with pytest.raises(policyparse.PolicyParseError) as caught:
        policyparse.parse(text)
    assert (caught.value.line, caught.value.column) == (2, 4) and "U+DCFF" in str(caught.value)
    decoded = b"\xe4\xb8\x80\xe3\x80\x81\xff\n".decode("utf-8", errors="surrogateescape")
    with pytest.raises(policyparse.PolicyParseError):
        policyparse.parse(decoded)


ESCAPES = "一、总则\x1b]0;pwned\x1b\\\n三、附则\x1b[8m隐藏\x9b2J\n"


@pytest.mark.parametrize("color", ["never", "always"])
def test_the_text_diff_shows_escapes_from_the_input(tmp_path: Path, color: str) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("一、总则\n二、附则\n", encoding="utf-8")
    new.write_text(ESCAPES, encoding="utf-8")
    result = subprocess.run([SCRIPT, "diff", str(old), str(new), "--color", color], capture_output=True, text=True, check=False)
    assert "\x1b]" not in result.stdout and "\x1b[8m" not in result.stdout and "\x9b" not in result.stdout
    assert "␛]0;pwned␛\\" in result.stdout and "\\x9b2J" in result.stdout
    if color == "always":
        assert "\x1b[32m" in result.stdout  # the renderer's own colours stay


def test_check_and_stderr_lines_show_escapes(tmp_path: Path) -> None:
    path = tmp_path / "esc\x1b[2J.txt"
    path.write_text(ESCAPES, encoding="utf-8")
    result = subprocess.run([SCRIPT, "check", str(path)], capture_output=True, text=True, check=False)
    assert "\x1b" not in result.stdout and "␛[2J" in result.stdout
    converted = subprocess.run([SCRIPT, "convert", str(path), "-o", str(tmp_path / "x.json")], capture_output=True, text=True, check=False)
    assert "\x1b" not in converted.stderr and "␛" in converted.stderr
    text = subprocess.run([SCRIPT, "convert", str(path), "--to", "text"], capture_output=True, check=False).stdout
    assert text == ESCAPES.encode("utf-8")  # --to text is data: the input, exactly


def test_an_interrupt_inside_a_finalizer_is_sent_again(monkeypatch: pytest.MonkeyPatch) -> None:
    # Python prints an exception raised in __del__ and goes on: a Ctrl-C that lands while the
    # garbage collector frees a compiled pattern would be lost (it made the start-up test flaky)
    from policyparse import _signals

    sent: list[int] = []
    monkeypatch.setattr(_signals, "_again_soon", sent.append)
    frames = []

    class Finalized:
        def __del__(self) -> None:
            frames.append(sys._getframe())

    Finalized()
    _signals._raise_interrupt(signal.SIGINT, frames[0])
    assert sent == [signal.SIGINT]
    with pytest.raises(KeyboardInterrupt):
        _signals._raise_interrupt(signal.SIGINT, sys._getframe())
