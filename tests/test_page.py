"""The seed page end to end: the opinion's tree, joins, intrusions set aside, nothing lost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import policyparse
from policyparse.layout.intrusions import _glued_suffix
from policyparse.layout.newspaper import page_marker as _page_marker
from tests.conftest import SEED


def _seed_json() -> dict[str, object]:
    script = Path(sys.executable).parent / "policyparse"
    result = subprocess.run([str(script), "convert", str(SEED), "--to", "json"], capture_output=True, check=True)
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_convert_gives_the_opinion_and_records_every_join_and_set_aside() -> None:
    data = _seed_json()
    document = policyparse.from_json(json.dumps(data))
    labels = [s.label for s in document.walk() if s.label]
    assert labels[0] == "（五）" and labels[-1] == "（十七）" and len(labels) == 16
    eleven = next(s for s in document.walk() if s.label == "（十一）")
    (paragraph,) = eleven.paragraphs
    assert "对碳排放进行全面核实查证，确保保审定、核查结果的准确性和可信度。" in paragraph.text
    assert len(paragraph.spans) == 2
    set_aside = [(item.reason, item.text) for item in document.set_aside]
    assert ("intrusion", "当乘者势也，不可失者时也。") in set_aside
    assert ("intrusion", "全力以赴做强做优数字经济，贵阳贵安坚守大道、矢志向前，正奋力谱写新时代数字经济高质量发展新篇章。") in set_aside
    seventeen = next(s for s in document.walk() if s.label == "（十七）")
    assert all("新华社" not in p.text for p in seventeen.paragraphs)
    assert document.meta.title is None and document.meta.date is None
    assert policyparse.to_text(document) == SEED.read_text(encoding="utf-8")


def test_other_articles_are_page_parts_with_their_breaks_joined() -> None:
    document = policyparse.parse_file(SEED)
    assert document.page is not None
    kinds = [str(part.kind) for part in document.page.parts]
    assert kinds.count("policy") == 1 and kinds.count("mark") == 2 and kinds.count("dateline") == 2
    texts = [p.text for part in document.page.parts for p in part.paragraphs]
    assert any("蛇口自贸片区海关备案企业数量突破11万家，外贸进出口总值由2015年" in t for t in texts)
    assert any("电子信息制造业产值达到31497亿元、同比增长24.9%" in t for t in texts)
    assert any(t.startswith("从推出全国首部个人破产法规，到建立全国首个") for t in texts)
    credits = next(part for part in document.page.parts if part.kind == "credits")
    assert credits.paragraphs[0].text == "一版责编：刘义"
    repeat = next(item for item in document.set_aside if item.reason == "repeat")
    assert repeat.line == 255


def test_suspicious_text_is_flagged_not_changed() -> None:
    document = policyparse.parse_file(SEED)
    flagged = [(d.line, SEED.read_text(encoding="utf-8")[d.span[0] : d.span[1]]) for d in document.diagnostics
               if d.code == "suspicious-text" and d.span]
    assert flagged == [(171, "and"), (183, "保")]  # 「确保」 + 「保审定」: the first 保 of 「保保」


def test_legitimate_latin_is_not_suspicious() -> None:
    text = "（一）加强监管。万元GDP能耗下降，PCT专利申请增加，5G网络覆盖，I类切口手术部位感染率下降。\n"
    assert [d.code for d in policyparse.parse(text).diagnostics if d.code == "suspicious-text"] == []


def test_no_page_keeps_the_page_around_the_opinion() -> None:
    script = Path(sys.executable).parent / "policyparse"
    result = subprocess.run([str(script), "convert", str(SEED), "--no-page"], capture_output=True, check=True)
    data = json.loads(result.stdout)
    assert data["page"] is None and data["set_aside"] == [] and len(data["preamble"]) == 80


def test_a_news_article_without_a_numbered_part_is_a_plain_document() -> None:
    text = "（新华社北京8月25日电）\n责编：张三\n"
    document = policyparse.parse(text)
    assert document.page is None and policyparse.to_text(document) == text


def test_another_page_with_another_policy_gives_its_tree() -> None:
    # Made up as a page is made up: the second half of a real opinion
    # (gov-opinion-double-random-supervision-2019, from 「二、」 on, one paragraph per line with
    # blank lines between, as on a page) after 「（上接第一版）」, below a news item opened by a
    # dateline, with a photo caption, a closing dateline and editor credits.
    golden = Path(__file__).parent / "golden" / "gov-opinion-double-random-supervision-2019" / "input.txt"
    source = golden.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(source) if line.startswith("二、"))
    stop = next(i for i, line in enumerate(source) if i > start and line.startswith("国务院"))
    news = [
        "", "秋粮生产形势总体向好", "",
        "新华社北京9月3日电（记者 李华）农业农村部3日发布消息，今年秋粮播种面积稳中有增，", "",
        "大部分地区墒情适宜，作物长势良好。专家表示，只要后期不出现大的灾害，秋粮丰收有望。", "",
        "9月2日，农民在黑龙江省五常市的稻田里查看水稻长势。新华社记者 王建威 摄", "",
    ]
    policy = [line for paragraph in source[start:stop] for line in (paragraph, "")]
    end = ["（新华社北京9月3日电）", "", "一版责编：张三　二版责编：李四", "", "版式设计：王五", ""]
    text = "\n".join([*news, "（上接第一版）", "", *policy, *end])
    document = policyparse.parse(text)
    assert policyparse.to_text(document) == text
    assert document.page is not None
    kinds = [str(part.kind) for part in document.page.parts]
    assert kinds == ["article", "caption", "mark", "policy", "dateline", "credits"]
    assert document.page.parts[0].paragraphs[0].text == "秋粮生产形势总体向好"
    assert [s.label for s in document.sections] == ["二、", "三、", "四、"]
    assert [s.title for s in document.sections[1].children][:2] == ["统筹建设监管工作平台", "实行抽查事项清单管理"]
    bodies = " ".join(p.text for s in document.walk() for p in s.paragraphs)
    assert "责编" not in bodies and "新华社" not in bodies and document.meta.title is None


@pytest.mark.parametrize(
    ("line", "mark"),
    [
        ("（上接第一版）", "continuation"),
        ("（下转第四版）", "continuation"),
        ("（紧接第一版）", "continuation"),
        ("（新华社北京8月25日电）", "dateline"),
        ("（据新华社电）", "dateline"),
        ("新华社北京8月25日电（记者 白瀛）", "dateline-opening"),
        ("本报北京8月25日电（记者 王浩）近日，", "dateline-opening"),  # 人民日报's own dateline
        ("本报讯（记者 王浩）近日，", "dateline-opening"),
        ("据新华社北京8月25日电　近日，", "dateline-opening"),
        ("一版责编：刘义", "credits"),
        ("本版责编：刘义　版式设计：张三", "credits"),
        ("本版编辑：王浩", "credits"),
        ("新华社记者 王鹏 摄", "caption"),
        ("本报记者 王浩摄", "caption"),
        ("图为8月25日拍摄的深圳前海。新华社发", "caption"),
        ("新华社发（王鹏 作）", "caption"),
        ("（新华社发）", "caption"),
        # lines of a policy that hold the marks' words
        ("（五）发展绿色金融，支持全国碳市场建设。", None),
        ("本报告所称碳排放，是指", None),
        ("本报告期内用电量增长", None),
        ("新华社等中央主要媒体要加大对电网建设的宣传。", None),
        ("校对：对稿件内容进行全面校对，发现差错及时改正。", None),
        ("第十条　编辑出版单位应当", None),
    ],
)
def test_page_marks_of_common_newspaper_forms(line: str, mark: str | None) -> None:
    assert _page_marker(line) == mark


def test_a_front_page_with_a_news_item_introducing_the_document() -> None:
    # A front page as newspapers print a new document: a news item that quotes it, 「《意见》全文
    # 如下：」, then its first half (title, number, recipients, 一、…（三）), 「（下转第二版）」,
    # another item and the credits. Made up from gov-opinion-double-random-supervision-2019.
    golden = Path(__file__).parent / "golden" / "gov-opinion-double-random-supervision-2019" / "input.txt"
    source = golden.read_text(encoding="utf-8").split("\n")
    stop = next(i for i, line in enumerate(source) if line.startswith("（四）"))
    news = [
        "国务院印发《意见》在市场监管领域全面推行部门联合“双随机、一公开”监管", "",
        "新华社北京2月15日电　日前，国务院印发《关于在市场监管领域全面推行部门联合“双随机、一公开”"
        "监管的意见》（以下简称《意见》）。", "",
        "《意见》要求，坚持全面覆盖。将“双随机、一公开”作为市场监管的基本手段和方式。", "",
        "《意见》全文如下：", "",
    ]
    policy = [line for paragraph in source[:stop] for line in (paragraph, "")]
    end = ["（下转第二版）", "", "前海：打造开放新高地", "", "本报深圳2月15日电（记者 王浩）前海合作区今年…", "",
           "一版责编：刘义　版式设计：张三", ""]
    text = "\n".join([*news, *policy, *end])
    document = policyparse.parse(text)
    assert policyparse.to_text(document) == text
    assert document.page is not None
    assert [part.kind for part in document.page.parts] == ["article", "policy", "mark", "article", "article", "credits"]
    assert document.meta.title == "国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见"
    assert document.meta.doc_number == "国发〔2019〕5号"
    assert [s.path for s in document.walk()][-1] == "三、/（三）"
    # The news item quotes the title and a sentence of 一、: neither is an intrusion.
    assert not document.set_aside and not [d for d in document.diagnostics if d.code == "set-aside-intrusion"]


@pytest.mark.parametrize(
    "glued",
    [
        "当乘者势也，不可失者时也。",  # the seed's own: a near copy of the Guiyang article's line
        "全力以赴做强做优数字经济，",  # a clause of the Guiyang article, cut at its comma
        "贵阳贵安坚守大道、矢志向前，正奋力谱写新时代数字经济高质量发展新篇章。",
    ],
)
def test_another_clause_glued_into_item_eleven_is_set_aside(glued: str) -> None:
    text = SEED.read_text(encoding="utf-8").replace("确保当乘者势也，不可失者时也。", "确保" + glued)
    document = policyparse.parse(text)
    assert policyparse.to_text(document) == text
    assert glued in [item.text for item in document.set_aside if item.reason == "intrusion"]
    item = next(s for s in document.walk() if s.label == "（十一）")
    assert "确保保审定" in "".join(p.text for p in item.paragraphs)  # read on, the doubled 保 flagged


def test_a_clause_that_a_news_item_quotes_across_a_line_break_is_no_intrusion() -> None:
    # The policy line breaks after 「…市场，」; the item quotes it and goes on as the next line does.
    item = "…意见明确，要加快建设全国统一的碳排放权交易市场，推动形成绿色低碳发展方式。"
    line = "各地区要加快建设全国统一的碳排放权交易市场，"
    assert _glued_suffix(line, item, "推动形成绿色低碳发展方式。") == ""
    # The same clause before another next line cannot be told from one glued on by the layout.
    assert _glued_suffix(line, item, "完善配套制度。") == "要加快建设全国统一的碳排放权交易市场，"
