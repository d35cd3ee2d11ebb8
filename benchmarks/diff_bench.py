"""Benchmark: diff() against parse() on a synthetic statute of 1,300 articles with 5 % changes.

Run it from the repository root::

    .venv/bin/python benchmarks/diff_bench.py            # the four sizes, printed as a table
    .venv/bin/python benchmarks/diff_bench.py --quick    # smaller sizes, for a smoke test

The law is built from the articles of the corpus's statutes (tests/data/corpus) (or, without the corpus,
from generated sentences), 20 articles to a chapter. The new version changes 5 % of the
articles: a third reworded, a third deleted, a third inserted. Times are the best of a few
runs, measured in this one process, and reported as ratios:

* ``diff / parse``: the time to diff the two parsed versions over the time to parse both
  (the target is at most 2 at 1,300 articles);
* the log-log slope of diff time against size over four sizes (the target is at most 1.15:
  near-linear).
"""

from __future__ import annotations

import argparse
import functools
import gc
import math
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import policyparse  # noqa: E402
from policyparse.compare import diff  # noqa: E402
from policyparse.numerals import int_to_chinese  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus"
SIZES = (325, 650, 1300, 2600)
QUICK_SIZES = (100, 200, 400, 800)
CHANGED = 0.05
PER_CHAPTER = 20
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百千零]+条\s+(.*)$")
# Lines that would open a structure of their own (编 章 节, 一、, 附件): not article text.
_STRUCTURE = re.compile(r"^(第[一二三四五六七八九十百千零]+[编章节]|[一二三四五六七八九十]+、|附件|附：)")


def article_pool() -> list[list[str]]:
    """Articles (lists of paragraphs) from the corpus statutes, or generated ones."""
    pool: list[list[str]] = []
    statutes = sorted(p for p in CORPUS.glob("law-*.md") if "hk-basic" not in p.name) if CORPUS.is_dir() else []
    for path in statutes:  # the Basic Law is left out: its annexes are documents of their own
        body = path.read_text(encoding="utf-8").split("<!-- INFO END -->", 1)[-1]
        for raw in body.splitlines():
            line = raw.strip().replace("\u200b", "")
            if not line or line.startswith(("#", "<")) or _STRUCTURE.match(line):
                continue
            if found := _ARTICLE.match(line):
                pool.append([found.group(1)])
            elif pool:
                pool[-1].append(line)
    if len(pool) < 200:
        rng = random.Random(7)
        words = ["国家", "公司", "股东", "机关", "应当", "依法", "规定", "决定", "申请", "审查", "期限", "通知"]
        pool = [
            ["".join(rng.choice(words) for _ in range(rng.randint(8, 30))) + "。" for _ in range(rng.randint(1, 3))]
            for _ in range(2000)
        ]
    return pool


def render(chapters: list[list[list[str]]]) -> str:
    """A LawRefBook-style Markdown statute with fresh labels."""
    lines = ["# 中华人民共和国基准法", "", "<!-- INFO END -->", ""]
    number = 0
    for position, articles in enumerate(chapters, 1):
        lines += [f"## 第{int_to_chinese(position)}章 第{position}部分规定", ""]
        for article in articles:
            number += 1
            lines += [f"第{int_to_chinese(number)}条 {article[0]}", ""]
            for paragraph in article[1:]:
                lines += [paragraph, ""]
    return "\n".join(lines)


def versions(size: int, pool: list[list[str]], seed: int = 1) -> tuple[str, str]:
    """The old and new texts of a law of ``size`` articles, 5 % of them changed."""
    rng = random.Random(seed)
    articles = [list(pool[(i * 7919) % len(pool)]) for i in range(size)]
    # Make every article unique, as in a real statute.
    articles = [[f"{a[0]}（第{i}项规则）", *a[1:]] for i, a in enumerate(articles)]
    old = [articles[i : i + PER_CHAPTER] for i in range(0, size, PER_CHAPTER)]
    new = [[list(a) for a in chapter] for chapter in old]
    changes = max(3, round(size * CHANGED))
    for step in range(changes):
        chapter = new[rng.randrange(len(new))]
        at = rng.randrange(len(chapter))
        if step % 3 == 0:
            chapter[at] = [chapter[at][0].replace("应当", "必须", 1) + "具体办法由国务院规定。", *chapter[at][1:]]
        elif step % 3 == 1 and len(chapter) > 1:
            chapter.pop(at)
        else:
            chapter.insert(at, [f"新增的第{step}项规定，有关部门应当在三十个工作日内作出决定。"])
    return render(old), render(new)


def _parse_both(old: str, new: str) -> None:
    policyparse.parse(old)
    policyparse.parse(new)


def best(runs: int, task: Callable[[], object]) -> float:
    """The shortest of ``runs`` timings of ``task``, in seconds."""
    found = math.inf
    for _ in range(runs):
        gc.collect()  # start every run from the same heap
        start = time.perf_counter()
        task()
        found = min(found, time.perf_counter() - start)
    return found


def slope(sizes: list[int], times: list[float]) -> float:
    """Least-squares slope of log(time) against log(size)."""
    xs, ys = [math.log(s) for s in sizes], [math.log(t) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table; return 0 when both targets hold."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--quick", action="store_true", help="smaller sizes")
    options.add_argument("--runs", type=int, default=3, help="timings per measure (best is kept)")
    arguments = options.parse_args(argv)
    sizes = list(QUICK_SIZES if arguments.quick else SIZES)
    pool = article_pool()
    diff_times: list[float] = []
    ratios: list[float] = []
    header = ("articles", "parse both (s)", "diff (s)", "diff/parse", "added", "removed", "changed")
    print(" ".join(f"{name:>{width}}" for name, width in zip(header, (8, 15, 9, 10, 6, 8, 8), strict=True)))
    for size in sizes:
        old_text, new_text = versions(size, pool)
        parse_time = best(arguments.runs, functools.partial(_parse_both, old_text, new_text))
        old, new = policyparse.parse(old_text), policyparse.parse(new_text)
        diff_time = best(arguments.runs, functools.partial(diff, old, new))
        articles = diff(old, new).summary.by_kind["article"]
        diff_times.append(diff_time)
        ratios.append(diff_time / parse_time)
        print(
            f"{size:>8} {parse_time:>15.3f} {diff_time:>9.3f} {diff_time / parse_time:>10.2f} "
            f"{articles.added:>6} {articles.removed:>8} {articles.text_changed:>8}"
        )
    fitted = slope(sizes, diff_times)
    middle = sizes.index(1300) if 1300 in sizes else len(sizes) - 2
    steps = " ".join(f"{diff_times[i + 1] / diff_times[i]:.2f}" for i in range(len(sizes) - 1))
    print(f"diff time ratio per doubling of size: {steps}")
    print(f"log-log slope of diff time against size: {fitted:.3f} (target ≤ 1.15)")
    print(f"diff/parse at {sizes[middle]} articles: {ratios[middle]:.2f} (target ≤ 2)")
    return 0 if fitted <= 1.15 and ratios[middle] <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
