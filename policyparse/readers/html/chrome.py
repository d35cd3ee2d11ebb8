"""Reader stage (HTML): recognise a line of site chrome (【打印】, 「扫一扫在手机打开当前页」, 责任编辑, ICP numbers).

The patterns are what government sites put round a document, not what a document says: most
are anchored at the line's start and hold only for short lines, so that a sentence of the
document (「资金来源：…」) is never taken for chrome.
"""

from __future__ import annotations

import re

from policyparse._lexer import WHITESPACE

__all__ = [
    "CHROME_LONGEST", "WHITESPACE", "file_link_name", "is_chrome", "is_contact", "is_file_href", "is_file_link",
    "is_related_heading",
]

# WHITESPACE: the spaces around a line are the lexer's (ASCII, NBSP, U+3000, the typographic
# spaces, the zero-width space, the BOM): what it takes as indentation, the finder trims.
# Site chrome wherever it stands and however long the line.
_CHROME_ANYWHERE = re.compile(r"扫一扫在手机打开当前页|ICP\s*[备证]|公网安备|网站标识码|网站识别码")
# Site chrome in a line of at most CHROME_LONGEST characters: the notes and controls a site
# puts round a document. Each is anchored at the line's start, so that a sentence of the
# document (「资金来源：…」) is not taken for one.
CHROME_LONGEST = 120
_CHROME_START = re.compile(
    r"[\s【\[〔(（]*(?:"
    r"(?:责任编辑|编辑|来源|信息来源|文章来源|稿件来源|浏览次数|浏览量|点击数|点击量|访问次数|阅读次数|阅读量|"
    r"作者|审核|校对|分享到|分享至|字号|字体|发布时间|发布日期)\s*[：:]"
    r"|(?:您|你)?(?:当前|现在|所在)的?位置|当前位置"
    r"|(?:上一篇|下一篇|上一条|下一条)"
    r"|(?:主办单位|承办单位|协办单位|技术支持|维护单位|网站维护|运行维护|网站地图|网站声明|隐私声明|联系我们|"
    r"使用帮助|无障碍)"
    r"|(?:微信|手机)?扫一扫"
    r")",
    re.I,
)
# A dateline: a date, then the site's note on the source or the reading count (or the other way round).
_DATELINE = re.compile(
    r"(?:\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日).{0,40}?(?:来源|作者|浏览|点击|阅读|字号|字体)\s*[：:]"
    r"|(?:来源|作者|浏览|点击|阅读)\s*[：:].{0,40}?(?:\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)"
)
# Site chrome anywhere in a short line: words no document sentence uses.
_CHROME_WORDS = re.compile(
    r"版权所有|Copyright|©|责任编辑\s*[：:]|浏览次数\s*[：:]|点击数\s*[：:]|分享到|"
    r"字[号体]\s*[：:]\s*[【\[]?\s*(?:默认|大|小)|[【\[]\s*(?:我要纠错|打印本页|关闭窗口|打印|关闭|收藏)\s*[】\]]",
    re.I,
)
# A site's contact line (a footer's 地址/邮编/电话): weighed as chrome when choosing the container,
# but not set aside inside it, where a notice's own 「联系电话：…」 stands.
_CONTACT = re.compile(
    r"[\s【\[]*(?:地址|通讯地址|邮编|邮政编码|电话|联系电话|传真|邮箱|电子邮箱|E-?mail|联系方式)\s*[：:]", re.I
)
# A heading over a list of related links: it and the link lines under it are chrome.
_RELATED = re.compile(
    r"[\s【\[]*(?:相关链接|相关文件|相关阅读|相关新闻|相关稿件|关联稿件|相关附件|延伸阅读|相关解读|相关政策|热点推荐|"
    r"推荐阅读)[\s】\]：:]*"
)
# A line made only of a site's tool words: 「【字体：大 中 小】【打印】【关闭】」, 「分享到： 微信 微博」.
_TOOL_SEPARATORS = re.compile(r"[\s【】\[\]〔〕()（）|｜/：:·•>＞»]+")
_TOOL_WORDS = frozenset(
    {
        "打印", "关闭", "收藏", "纠错", "我要纠错", "打印本页", "打印此页", "打印正文", "打印文章", "关闭窗口",
        "关闭本页", "关闭页面", "返回", "顶部", "返回顶部", "加入收藏", "保存", "下载", "复制链接", "字体",
        "字号", "字体大小", "默认字号", "大", "中", "小", "大字", "中字", "小字", "默认", "视力保护色", "分享",
        "分享到", "分享至", "微信", "微博", "QQ", "QQ空间", "朋友圈", "新浪微博", "腾讯微博", "人民微博",
        "扫一扫", "二维码", "分享文章到", "扫码浏览", "扫码阅读", "手机扫码", "打印页面", "TOP", "取消", "放弃",
        "确定", "搜索", "高级搜索", "收起", "展开", "下载文字版", "下载图片版", "文字版", "图片版",
        # A CMS's button label left under the text (「发布」 after the signature).
        "发布",
    }
)
# A link to a file: an attachment of the document, not navigation.
_EXTENSIONS = r"(?:pdf|docx?|xlsx?|wps|ofd|zip|rar|txt|csv|pptx?|et)"
_FILE_LINK = re.compile(rf"\.{_EXTENSIONS}\b", re.I)
_FILE_HREF = re.compile(rf"\.{_EXTENSIONS}(?:$|[?#])", re.I)
# A line that is a file's name and nothing else (「…的通知.pdf」).
_FILE_NAME = re.compile(rf"(?P<name>.+?)\s*\.{_EXTENSIONS}", re.I)


def is_chrome(text: str) -> bool:
    """Whether a line is site chrome whatever container it stands in.

    Args:
        text: the line.

    Returns:
        True for a site's controls and notes: 「扫一扫在手机打开当前页」, 【打印】【关闭】,
        【字体：大 中 小】, 分享到, 责任编辑/来源/浏览次数, 您当前的位置, 上一篇, ICP and
        公网安备 numbers, 版权所有/Copyright footers, 主办单位, 网站地图.
    """
    if _CHROME_ANYWHERE.search(text):
        return True
    stripped = text.strip(WHITESPACE)
    if not stripped or len(stripped) > CHROME_LONGEST:
        return False
    if _CHROME_START.match(stripped) or _CHROME_WORDS.search(stripped) or _DATELINE.search(stripped):
        return True
    tokens = [token for token in _TOOL_SEPARATORS.split(stripped) if token]
    return bool(tokens) and all(token in _TOOL_WORDS for token in tokens)


def is_contact(text: str) -> bool:
    """Whether a line is a contact line: a footer's, or a notice's own (so never set aside for it).

    Args:
        text: the line.

    Returns:
        True for a short line that starts with 地址：, 邮编：, 电话：, 传真：, 邮箱： ….
    """
    stripped = text.strip(WHITESPACE)
    return len(stripped) <= CHROME_LONGEST and _CONTACT.match(stripped) is not None


def is_related_heading(text: str) -> bool:
    """Whether a line heads a list of related links.

    Args:
        text: the line.

    Returns:
        True for 「相关链接」, 「相关文件：」, 「【延伸阅读】」 and the like, alone on the line.
    """
    return _RELATED.fullmatch(text) is not None


def is_file_link(text: str) -> bool:
    """Whether a line names a file: a link to it is the document's attachment, not navigation.

    Args:
        text: the line (「附件：办法.pdf」).

    Returns:
        True when it names a .pdf, .doc(x), .xls(x), .wps, .ofd, .zip … file.
    """
    return _FILE_LINK.search(text) is not None


def file_link_name(text: str) -> str | None:
    """The name of the file a line names and nothing else, without its extension.

    Args:
        text: the line (「杭州市…的通知.pdf」).

    Returns:
        The name (「杭州市…的通知」), or None when the line is not a file's name alone.
    """
    match = _FILE_NAME.fullmatch(text.strip(WHITESPACE))
    return match.group("name") if match is not None else None


def is_file_href(href: str) -> bool:
    """Whether a link's target is a file (「/attachment/0/290/3253392.doc」, 「a.pdf?v=2」).

    Args:
        href: the ``href`` attribute.

    Returns:
        True when its path ends with a document's or an archive's extension.
    """
    return _FILE_HREF.search(href) is not None
