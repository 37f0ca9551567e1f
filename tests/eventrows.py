"""Event rows for the app's tests: every EVENT_COLUMNS key, placed and dated unless told otherwise."""

from __future__ import annotations

from timeline.events.export import EVENT_COLUMNS

ARTICLE = ("自贡平昌——跨越千山万水的“双向奔赴”\n"
           "2021年6月以来,根据省委、省政府统一安排部署,自贡市正式启动对口帮扶巴中市平昌县工作。"
           "2023年7月，自贡市第二批结对帮扶平昌县工作队30名队员整装出发。")


def row(event_id: str, **values: object) -> dict[str, object]:
    """An event row with every EVENT_COLUMNS key: a placed, dated pair unless told otherwise."""
    base = {c: None for c in EVENT_COLUMNS}
    base.update(event_id=event_id, doc="a.txt", year=2021, precision="year", basis="stated", date_text="2021年",
                kind="pairing_start", programme="pairing", donor="自贡市", donor_adcode="510300",
                donor_lon=104.778442, donor_lat=29.33903, recipient="平昌县", recipient_adcode="511923",
                recipient_lon=107.104008, recipient_lat=31.560874, summary="", evidence="自贡市对口帮扶平昌县。",
                char_start=0, char_end=11, donor_kind="place", recipient_kind="place")
    base.update(values)
    return base


ROWS = [
    row("a", year=2012, kind="funding", programme="tibet_aid", donor="天津市", donor_adcode="120000",
        evidence="天津市援助会宁县建设学校。"),
    row("b", year=2016, month=9, day=11, precision="day", date_text="2016年9月11日", kind="team_arrival"),
    row("c", year=None, precision="unknown", basis="not_stated", date_text="", kind="visit", summary="调研"),
    row("d", year=2017, end_year=2019, kind="park", programme="enclave_park", recipient="理县",
        recipient_adcode="513222"),
    row("e", year=None, month=5, precision="month", basis="not_stated", date_text="5月", kind="visit",
        recipient="冻坡甲村", recipient_adcode="", recipient_lon=None, recipient_lat=None, recipient_kind="locality"),
]


def ids(rows) -> list[str]:
    return [r["event_id"] for r in rows]
