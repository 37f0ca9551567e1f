"""Where dateparser is wrong for a form, and so the grammar normalises it itself.

If one of these starts failing, dateparser has learnt the form: consider
handing it over (see timeline/dates/resolution.py).
"""

from __future__ import annotations

import datetime as dt

import pytest
from dateparser.date import DateDataParser
from dateparser.search import search_dates

from timeline import find_dates
from timeline.dates.resolution import dateparser_value
from timeline.dates.mention import Precision

BASE = dt.datetime(2018, 5, 9)


def parser(*parts):
    return DateDataParser(languages=["zh"], settings={"REQUIRE_PARTS": list(parts), "RELATIVE_BASE": BASE})


@pytest.mark.parametrize("text", ["二〇一八年三月五日", "二零二零年十二月三十一日"])
def test_dateparser_cannot_read_chinese_numeral_dates_so_we_do(text):
    assert parser("year", "month", "day").get_date_data(text).date_obj is None
    assert find_dates(text)[0].year is not None


def test_dateparser_cannot_read_last_year_with_a_month_so_we_do():
    assert parser("month").get_date_data("去年9月").date_obj is None
    m = find_dates("去年9月", publication_date=BASE.date())[0]
    assert (m.year, m.month) == (2017, 9)


@pytest.mark.parametrize("text, base", [("2011年", dt.date(2018, 5, 9)), ("1990年", dt.date(2000, 1, 1))])
def test_dateparser_reads_a_bare_year_as_years_ago_so_we_do_not_ask_it(text, base):
    settings = {"REQUIRE_PARTS": ["year"], "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day)}
    read = DateDataParser(languages=["zh"], settings=settings).get_date_data(text).date_obj
    assert read is not None and read.year != int(text[:4])
    assert find_dates(text, publication_date=base)[0].year == int(text[:4])


def test_search_dates_reads_a_bare_month_as_months_ago():
    found = search_dates("5月是理县甜樱桃热销的时节", languages=["zh"], settings={"RELATIVE_BASE": BASE})
    assert found and found[0][1].month != 5
    assert find_dates("5月是理县甜樱桃热销的时节", publication_date=BASE.date())[0].month == 5


def test_search_dates_misreads_a_month_and_day_and_gives_it_a_year():
    found = search_dates("8月12日，爱心人士赴银厂湾村", languages=["zh"], settings={"RELATIVE_BASE": BASE})
    assert found and (found[0][0] != "8月12日" or found[0][1].day != 12)
    assert find_dates("8月12日", publication_date=None)[0].year is None


@pytest.mark.parametrize(
    "text, precision, expected",
    [("2016年9月11日", Precision.DAY, (2016, 9, 11)), ("2021年6月", Precision.MONTH, (2021, 6, None)),
    ],
)
def test_dateparser_reads_stated_arabic_dates_without_filling_parts(text, precision, expected):
    assert dateparser_value(text, precision) == expected
