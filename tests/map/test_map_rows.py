"""Rows as the map reads them (geo.map.rows): a database's typed columns give what parsing each row gives."""

from __future__ import annotations

import pytest

from geo.errors import MapDataError
from geo.map.rows import CARD_COLUMNS, REQUIRED_COLUMNS, parse_row, typed_rows
from test_map_data import SUINING, row as data_row


def row(**over: object) -> dict[str, object]:
    """A typed row as the library gives it (test_map_data's 遂宁市 → 理县, 2017), its evidence with spaces."""
    return data_row(**{"evidence": " 2017年,遂宁市派出干部赴理县。 ", "char_start": None, "char_end": None,
                       "corrected": "", **over})


ROWS = [
    row(),
    row(event_id="e2", year=2018, month=3, day=9, precision="day", amount_yuan=2_000_000, people=12,
        corrected="year;donor", kind=""),
    row(event_id="e3", year=None, date_text="5月", precision="month", month=5, basis="", programme=None,
        amount_yuan=150, end_year=None),
    row(event_id="e4", year=2016, end_year=2018, precision="year", donor_lon=-0.0, recipient_lat=-89.5, people=0),
]


def columns(rows, names=(*CARD_COLUMNS, "summary")):
    return {c: [r.get(c) for r in rows] for c in names}


def test_typed_columns_give_what_parsing_each_row_gives():
    got = typed_rows(columns(ROWS), [4, 5, 6, 7])
    assert got == [parse_row(i, r) for i, r in zip([4, 5, 6, 7], ROWS)]
    assert got[1].corrected == "year;donor" and got[1].kind == "other"  # a correction stays; no kind is "other"
    assert got[0].evidence == "2017年,遂宁市派出干部赴理县。"  # stripped as parsing strips it


def test_cells_that_are_not_typed_are_parsed_row_by_row():
    strings = [row(year="2017", month="", donor_lon=str(SUINING[0]), people=3.0)]
    assert typed_rows(columns(strings), [0]) == [parse_row(0, strings[0])]
    assert typed_rows(columns(strings), [0])[0].year == 2017
    empty = [row(amount_yuan=float("nan"))]  # pandas' empty cell
    assert typed_rows(columns(empty), [0]) == [parse_row(0, empty[0])] and parse_row(0, empty[0]).amount_yuan is None


@pytest.mark.parametrize("bad, message", [
    (row(year=0), "row 3: year 0 is not a whole number from 1 to 9999"),
    (row(month=13), "row 3: month 13"),
    (row(donor_lat=91.0), "row 3: donor at lon"),
    (row(amount_yuan=float("inf")), "row 3: amount_yuan inf is not a finite number"),
    (row(people="many"), "row 3: people 'many' is not a number"),
])
def test_a_bad_cell_is_named_by_its_row_and_column(bad, message):
    with pytest.raises(MapDataError, match=message.replace("(", r"\(")):
        typed_rows(columns([ROWS[0], ROWS[1], bad]), [0, 1, 2])


def test_the_check_can_actually_fail():
    """Every bad value above passes the column types (int, float), so only the range checks catch it."""
    good = typed_rows(columns([ROWS[0], ROWS[1], row(year=2000)]), [0, 1, 2])
    assert [r.year for r in good] == [2017, 2018, 2000]


def test_a_missing_column_or_unequal_columns_are_refused():
    cells = columns(ROWS)
    del cells["evidence"]
    with pytest.raises(MapDataError, match="the rows have no evidence"):
        typed_rows(cells, range(len(ROWS)))
    cells = columns(ROWS)
    cells["kind"] = cells["kind"][:-1]
    with pytest.raises(MapDataError, match="not all 4 long"):
        typed_rows(cells, range(len(ROWS)))


def test_optional_columns_may_be_left_out():
    required = columns(ROWS, REQUIRED_COLUMNS)
    got = typed_rows(required, range(len(ROWS)))
    assert got == [parse_row(i, {c: r[c] for c in REQUIRED_COLUMNS}) for i, r in enumerate(ROWS)]
    assert got[1].amount_yuan is None and got[1].corrected == ""
