"""Hard wraps are undone by general rules (policyparse/layout/wraps.py), each tested on real lines.

Every excerpt is copied from a corpus document (named above it); the test wraps it the way a
PDF extraction would and expects the paragraphs and the outline of the unwrapped text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import policyparse
from policyparse import Document
from policyparse._lexer import split_lines
from policyparse.layout.wraps import find_wrapping
from tests.conftest import GOLDEN, SEED, corpus_files
from tests.noise import hard_wrap, jittered_wrap, kinsoku_wrap, pdf_pages
from tests.test_noise import outline

# gov-plan-grain-emergency-2005.txt: a long paragraph, so that a short excerpt wrapped with it
# has the several lines cut mid-sentence at one width that make a text look hard-wrapped.
PURPOSE = (
    "为了有效监测和控制各类突发公共事件或者其他原因引起的国内粮食市场异常波动，确保粮食市场供应，保持粮食市场价格基本稳定，"
    "维护正常的社会秩序和社会稳定，根据《中华人民共和国价格法》、《粮食流通管理条例》、《中央储备粮管理条例》和"
    "《国家突发公共事件总体应急预案》等，制定本预案。\n"
)
# law-anti-monopoly-2007.md
ANTI_MONOPOLY = """第五条 经营者可以通过公平竞争、自愿联合，依法实施集中，扩大经营规模，提高市场竞争能力。

第六条 具有市场支配地位的经营者，不得滥用市场支配地位，排除、限制竞争。

第七条 国有经济占控制地位的关系国民经济命脉和国家安全的行业以及依法实行专营专卖的行业，国家对其经营者的合法经营活动予以保护，并对经营者的经营行为及其商品和服务的价格依法实施监管和调控，维护消费者利益，促进技术进步。
"""
# law-hk-basic-law-1990.md
BASIC_LAW = """第九十九条 在香港特别行政区政府各部门任职的公务人员必须是香港特别行政区永久性居民。本法第一百零一条对外籍公务人员另有规定者或法律规定某一职级以下者不在此限。

公务人员必须尽忠职守，对香港特别行政区政府负责。

第一百条 香港特别行政区成立前在香港政府各部门，包括警察部门任职的公务人员均可留用，其年资予以保留，薪金、津贴、福利待遇和服务条件不低于原来的标准。
"""
# gov-notice-social-organizations-1997.txt
INLINE_LIST = """9.挂靠单位、业务主管部门审查同意（基金会还需中国人民银行审查同意）。
10.法人社会团体还应具备：
（1）有专职工作人员；（2）有独立、固定的办公住所；（3）全国性社会团体和跨省（自治区、直辖市）法人社会团体应有10万元以上资金，地方性法人社会团体应有5万元以上资金，基金会基金数额不少于210万元人民币。
"""
# gov-plan-grain-emergency-2005.txt
GRAIN_DUTIES = """2.1.2　国家粮食应急工作指挥部办公室及其职责
国家粮食应急工作指挥部下设办公室，负责日常工作。办公室设在国家粮食局，由国家粮食局主要负责人兼任办公室主任。
2.1.3　国家粮食应急工作指挥部成员单位职责
（1）国家发展改革委及国家粮食局负责应急工作的综合协调；做好粮食市场调控和供应工作；完善中央储备粮的管理和动用机制，及时提出动用中央储备粮的建议。
（2）公安部负责维护粮食供应场所的治安秩序，保证道路交通运输的通畅，配合有关部门及时打击扰乱市场秩序的犯罪活动。
"""
GRAIN_LETTER = PURPOSE + """国务院办公厅关于印发国家粮食应急预案的函
国办函〔2005〕57号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
《国家粮食应急预案》已经国务院同意，现印发给你们，请认真实施。
国务院办公厅
二〇〇五年六月十一日
"""
# sh-urban-renewal-opinion-2025.md (附件3, an index of provisions)
INDEX = PURPOSE + """
（十七）完善适用于城市更新的技术标准

《关于深入实施城市更新行动加快推动高质量发展的意见》 （沪委办〔2023〕43号）第二十三条

《上海历史风貌保护指南》（沪规划资源风〔2024〕533号）第三条

（十八）加强综合政策支持
"""
# gov-opinion-tertiary-hospital-performance-2019.txt
FIELDS = PURPOSE + """计算方法：门诊收入中来自医保基金的收入/门诊收入×100%。
指标来源：财务年报表。
计算方法：本年度向二级医院或者基层医疗机构下转患者人次数（门急诊、住院）。
指标来源：医院填报。
"""
# gov-notice-iit-special-deductions-2018.txt
IIT_INFORMATION = """第二十五条　纳税人首次享受专项附加扣除，应当将专项附加扣除相关信息提交扣缴义务人或者税务机关，扣缴义务人应当及时将相关信息报送税务机关，纳税人对所提交信息的真实性、准确性、完整性负责。专项附加扣除信息发生变化的，纳税人应当及时向扣缴义务人或者税务机关提供相关信息。
前款所称专项附加扣除相关信息，包括纳税人本人、配偶、子女、被赡养人等个人身份信息，以及国务院税务主管部门规定的其他与专项附加扣除相关的信息。
"""
# law-legislation-2023.md
LEGISLATION = """第四十九条 国务院、中央军事委员会、国家监察委员会、最高人民法院、最高人民检察院、全国人民代表大会各专门委员会，可以向全国人民代表大会常务委员会提出法律解释要求或者提出相关法律案。

省、自治区、直辖市的人民代表大会常务委员会可以向全国人民代表大会常务委员会提出法律解释要求。

第五十条 常务委员会工作机构研究拟订法律解释草案，由委员长会议决定列入常务委员会会议议程。
"""


def paragraphs(document: Document) -> list[str]:
    found = [p.text for s in document.walk() for p in s.paragraphs]
    found += [p.text for a in document.attachments for s in a.walk() for p in s.paragraphs]
    return [*[p.text for p in document.preamble], *found, *[p.text for p in document.closing]]


def assert_unwrapped(text: str, wrapped: str) -> None:
    assert wrapped != text and len(wrapped.splitlines()) > len(text.splitlines())
    document, original = policyparse.parse(wrapped), policyparse.parse(text)
    assert policyparse.to_text(document) == wrapped
    assert paragraphs(document) == paragraphs(original)
    assert outline(document) == outline(original)


def test_a_line_one_short_goes_on_where_the_wrapper_kept_a_comma_off_the_next_line() -> None:
    # 「…排」 stops one short of the width: 「除、」 moved down together (kinsoku).
    wrapped = kinsoku_wrap(ANTI_MONOPOLY, columns=60)
    assert "不得滥用市场支配地位，排\n除、限制竞争。" in wrapped
    assert_unwrapped(ANTI_MONOPOLY, wrapped)


def test_a_paragraph_that_ends_one_short_of_the_width_ends() -> None:
    # 「…由其父母一方扣除。」 is 29 characters at width 30: a paragraph's end, not a wrap.
    text = (
        "第十二条　纳税人发生的医药费用支出可以选择由本人或者其配偶扣除；未成年子女发生的医药费用支出可以选择由其父母一方扣除。\n"
        "纳税人及其配偶、未成年子女发生的医药费用支出，按本办法第十一条规定分别计算扣除额。\n"
    )
    wrapped = hard_wrap(text, 30)
    assert "\n除；未成年子女发生的医药费用支出可以选择由其父母一方扣除。\n" in wrapped
    assert_unwrapped(text, wrapped)


def test_a_sentence_cut_before_a_reference_goes_on_into_the_article_label() -> None:
    wrapped = hard_wrap(BASIC_LAW, 44)
    assert "\n第一百零一条对外籍" in wrapped
    assert_unwrapped(BASIC_LAW, wrapped)


def test_an_inline_list_goes_on_where_its_next_item_opens_a_line() -> None:
    wrapped = hard_wrap(INLINE_LIST, 26)
    assert "（2）有独立、固定的办公住所；\n（3）全国性" in wrapped
    assert_unwrapped(INLINE_LIST, wrapped)


def test_a_bare_title_at_the_width_does_not_swallow_the_next_heading() -> None:
    # 「2.1.3　…成员单位职责」 is 23 characters, the width: a title, not a cut sentence.
    wrapped = hard_wrap(GRAIN_DUTIES, 23)
    assert "\n2.1.3\u3000国家粮食应急工作指挥部成员单位职责\n（1）" in wrapped
    assert_unwrapped(GRAIN_DUTIES, wrapped)


def test_a_signature_after_a_full_sentence_stands_on_its_own() -> None:
    wrapped = hard_wrap(GRAIN_LETTER, 31)
    assert "请认真实施。\n国务院办公厅\n" in wrapped
    assert_unwrapped(GRAIN_LETTER, wrapped)
    assert policyparse.parse(wrapped).meta.issuers == ("国务院办公厅",)


def test_a_field_after_a_full_sentence_opens_a_paragraph() -> None:
    wrapped = hard_wrap(FIELDS, 30)
    assert "×100%。\n指标来源：" in wrapped
    assert_unwrapped(FIELDS, wrapped)


def test_a_reference_to_the_paragraph_before_opens_a_paragraph() -> None:
    wrapped = hard_wrap(IIT_INFORMATION, 22)
    assert "提供相关信息。\n前款所称" in wrapped
    assert_unwrapped(IIT_INFORMATION, wrapped)
    article = policyparse.parse(wrapped).sections[0]
    assert [c.path for c in article.children] == ["第二十五条/第一款", "第二十五条/第二款"]


def test_a_reference_cut_after_a_bracket_goes_on_into_a_label_out_of_sequence() -> None:
    # 「第三条」 opens a line of the index, in a text without articles: the reference's rest.
    wrapped = hard_wrap(INDEX, 30)
    assert "533号）\n第三条\n" in wrapped
    assert_unwrapped(INDEX, wrapped)


def test_blank_lines_that_frame_every_page_break_do_not_end_a_paragraph() -> None:
    # A page break cuts 第五十条 (one blank line before the page number: the frame); the
    # paragraph of 第四十九条 ends at a page's end, and the blank line after the running header,
    # one more than the frame, still ends it.
    text = "\n".join([LEGISLATION] * 3)
    wrapped = pdf_pages(text, every=3)
    assert "由委员长会\n\n第 " in wrapped
    assert "提出相关法律案。\n\n第 1 页 共 " in wrapped and "公报\n\n省、自治区" in wrapped
    assert_unwrapped(text, wrapped)


def test_a_short_text_is_recognised_as_wrapped_from_two_cut_lines() -> None:
    text = ANTI_MONOPOLY.split("\n\n")[2]
    wrapped = hard_wrap(text, 40)
    lines = split_lines(wrapped)
    wrapping = find_wrapping(wrapped, lines)
    assert wrapping is not None and wrapping.width == 40
    assert_unwrapped(text, wrapped)


@pytest.mark.parametrize("path", [*sorted(GOLDEN.glob("*/input.txt")), SEED], ids=lambda p: p.parent.name)
def test_an_unwrapped_document_is_not_taken_for_a_wrapped_one(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert find_wrapping(text, split_lines(text)) is None


WIDTHS = range(20, 46)
# A paragraph that ends exactly at the wrap width, followed by one that opens like an ordinary
# sentence, cannot be told from a sentence that ends there (docs/noisy-input.md, "Limits"):
# joining is right about nine times in ten (at widths 20-45 the corpus has 1,370 sentence ends
# at the edge inside a paragraph, against 144 paragraph ends followed directly by text).
# Measured: 762 of 806 pairs (94.5%; 31 documents x 26 widths) keep their outline.
MIN_KEPT = 0.94


@pytest.mark.skipif(not corpus_files(), reason="needs the corpus (tests/data/corpus)")
def test_most_documents_keep_their_outline_at_every_wrap_width() -> None:
    changed = []
    pairs = 0
    for path in corpus_files():
        text = path.read_text(encoding="utf-8")
        expected = outline(policyparse.parse(text))
        for width in WIDTHS:
            pairs += 1
            if outline(policyparse.parse(hard_wrap(text, width))) != expected:
                changed.append(f"{path.stem}@{width}")
    kept = 1 - len(changed) / pairs
    assert kept >= MIN_KEPT, f"{kept:.1%} of {pairs} kept; changed: {', '.join(changed)}"


def test_a_wrap_whose_width_varies_is_a_band_of_lengths() -> None:
    # Cut at 29 to 31 characters: the lines that stop mid-sentence spread over three lengths.
    text = jittered_wrap((GOLDEN / "gov-opinion-bonded-zones-2019" / "input.txt").read_text(encoding="utf-8"))
    wrapping = find_wrapping(text, split_lines(text))
    assert wrapping is not None and (wrapping.width, wrapping.slack) == (31, 2)
    fixed = hard_wrap(text)
    wrapping = find_wrapping(fixed, split_lines(fixed))
    assert wrapping is not None and (wrapping.width, wrapping.slack) == (30, 0)


# With a varying width, a paragraph that ends within the band looks like a sentence cut there:
# the exact-width ambiguity covers three lengths instead of one. Measured at 29-31: 11 of the 14
# goldens keep their outline, 38 of the 45 goldens and corpus documents (10 of 45 when
# only one width was recognised). The goldens are always here; the corpus only beside a checkout.
MIN_KEPT_GOLDENS = 0.75
MIN_KEPT_JITTERED = 0.8


def _kept(documents: list[Path]) -> int:
    return sum(
        outline(policyparse.parse(jittered_wrap(text))) == outline(policyparse.parse(text))
        for text in (path.read_text(encoding="utf-8") for path in documents)
    )


def test_most_goldens_keep_their_outline_when_the_width_varies() -> None:
    documents = sorted(GOLDEN.glob("*/input.txt"))
    kept = _kept(documents)
    assert kept >= MIN_KEPT_GOLDENS * len(documents), f"{kept} of {len(documents)} kept"


@pytest.mark.skipif(not corpus_files(), reason="needs the corpus (tests/data/corpus)")
def test_most_documents_keep_their_outline_when_the_width_varies() -> None:
    documents = [*sorted(GOLDEN.glob("*/input.txt")), *corpus_files()]
    kept = _kept(documents)
    assert kept >= MIN_KEPT_JITTERED * len(documents), f"{kept} of {len(documents)} kept"


def test_a_heading_label_is_no_kinsoku_mark() -> None:
    # Lines of 19 to 22 characters: 「二、」 after a short line is a heading, not a pushed-down 「、」.
    text = (
        "一、北京市\n北京市海淀区中关村科技园区管理委员会示范中心\n北京市朝阳区人民政府望京街道办事处服务中心\n"
        "北京市丰台区卫生健康委员会医疗服务中心\n二、上海市\n上海市徐汇区人民政府漕河泾街道办事处中心\n"
        "上海市黄浦区市场监督管理局综合执法大队\n"
    )
    assert [s.label for s in policyparse.parse(text).sections] == ["一、", "二、"]
