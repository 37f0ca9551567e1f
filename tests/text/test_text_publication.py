"""Publication dates from the article's own stamps, and overrides from --meta."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline import MetadataError, document_from_text, parse_metadata
from timeline.text.publication import detect_publication_date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("自贡·平昌\n\n2024-10-09 21:10:14来源:天府融媒联合体编辑:何勇\n\n正文", dt.date(2024, 10, 9)),
        ("信息来源:会宁县政府办公室\n发布时间:2024-02-13 15:50\n浏览次数:", dt.date(2024, 2, 13)),
        ("結“親戚”心連心\n\n四川日報\xa0\xa0\xa0\xa02016年08月22日\n\n編者按", dt.date(2016, 8, 22)),
        ("正文……\n(来源:四川新闻网)\n内容时间:2018-05-09", dt.date(2018, 5, 9)),
        ("新华网成都4月19日电 2019年3月，两地签订协议。", dt.date(2019, 4, 19)),
        ("發佈時間：2020年12月03日 10:22", dt.date(2020, 12, 3)),
    ],
)
def test_publication_date_is_read_from_the_article_stamp(text, expected):
    stamp = detect_publication_date(text)
    assert stamp is not None and stamp.date == expected


@pytest.mark.parametrize(
    "text",
    ["2016年9月11日，工作队抵达九龙。", "新华网4月19日电 两地签订协议。", "没有日期的文章。", ""],
)
def test_no_stamp_means_no_publication_date(text):
    assert detect_publication_date(text) is None


def test_a_date_deep_in_the_body_is_not_a_stamp():
    text = "正文。" * 1000 + "\n2016年9月11日\n" + "正文。" * 1000
    assert detect_publication_date(text) is None


META = "doc,url,title,publication_date\na.txt,https://example.org/a,标题,2020-05-01\nb.txt,,,\n"


def test_metadata_overrides_the_stamp():
    meta = parse_metadata(META)
    doc = document_from_text("发布时间:2024-02-13\n正文", doc="a.txt", meta=meta["a.txt"])
    assert doc.publication_date == dt.date(2020, 5, 1)
    assert (doc.url, doc.title, doc.publication_date_source) == ("https://example.org/a", "标题", "meta")


def test_empty_metadata_cells_keep_what_the_text_says():
    meta = parse_metadata(META)
    doc = document_from_text("发布时间:2024-02-13\n正文", doc="b.txt", meta=meta["b.txt"])
    assert doc.publication_date == dt.date(2024, 2, 13)
    assert doc.publication_date_source.startswith("stamp")


def test_metadata_needs_only_the_doc_column():
    meta = parse_metadata("\ufeffdoc,publication_date\nx.txt,2019/3/4\n")
    assert meta["x.txt"].publication_date == dt.date(2019, 3, 4)


@pytest.mark.parametrize(
    "text, message",
    [
        ("url,title\nhttp://a,b\n", "no 'doc' column"),
        ("doc,publication_date\na.txt,yesterday\n", "line 2"),
        ("doc,publication_date\na.txt,2019-02-30\n", "YYYY-MM-DD"),
        ("doc,title\n,标题\n", "'doc' cell is empty"),
        ("doc,title\na.txt,x,y\n", "more cells"),
        ('doc,title\na.txt,"unclosed\n', "malformed|line"),
    ],
)
def test_malformed_metadata_names_the_problem(text, message):
    with pytest.raises(MetadataError, match=message):
        parse_metadata(text, name="meta.csv")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("闽陇同心战贫困\n\n定西日报　2019年11月26日　第01版\n\n正文", dt.date(2019, 11, 26)),
        ("滬萬情深三十載\n\n【大公報訊】記者陳敏重慶報道（2022年8月3日）\n\n正文", dt.date(2022, 8, 3)),
    ],
)
def test_newspaper_page_lines_and_dated_bylines_are_stamps(text, expected):
    assert detect_publication_date(text).date == expected
