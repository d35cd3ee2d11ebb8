"""Run a command with its stderr on a pseudo-terminal, as a user at a terminal would see it."""

from __future__ import annotations

import os
import pty
import subprocess


def on_a_terminal(command: list[str]) -> bytes:
    """Run ``command`` (which must succeed) with stderr on a pseudo-terminal; return what it showed there."""
    leader, follower = pty.openpty()
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=follower) as process:
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 1024)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
        assert process.wait() == 0
    os.close(leader)
    return shown
