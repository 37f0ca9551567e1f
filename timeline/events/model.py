"""Events: who helped whom, when and how, with the evidence that says so."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from timeline.dates.mention import DateMention

__all__ = ["EventKind", "Programme", "PartyKind", "Party", "Event"]


class EventKind(StrEnum):
    """What happened."""

    PAIRING_START = "pairing_start"
    AGREEMENT = "agreement"
    TEAM_ARRIVAL = "team_arrival"
    FUNDING = "funding"
    PARK = "park"
    VISIT = "visit"
    OTHER = "other"



class Programme(StrEnum):
    """Which kind of pairing-assistance programme the evidence names."""

    PAIRING = "pairing"  # 对口帮扶/支援, 结对帮扶 within a province or unspecified
    EAST_WEST = "east_west"  # 东西部(扶贫)协作
    TIBET_AID = "tibet_aid"  # 援藏
    XINJIANG_AID = "xinjiang_aid"  # 援疆
    RECONSTRUCTION = "reconstruction"  # 灾后重建, 援建 after an earthquake
    ENCLAVE_PARK = "enclave_park"  # 飞地园区, 共建园区
    MOUNTAIN_SEA = "mountain_sea"  # 山海协作
    OTHER = "other"



class PartyKind(StrEnum):
    PLACE = "place"  # an administrative unit with an adcode and a point
    ORGANISATION = "organisation"  # a department, company, school … kept by name
    REGION = "region"  # a group of places named as text: 省内藏区10个县
    LOCALITY = "locality"  # a township or village (子耳乡, 银厂湾村): below the gazetteer, kept as text



@dataclass(frozen=True)
class Party:
    """A donor or a recipient. Only places carry an adcode and coordinates."""

    name: str  # today's official name for places; the words of the text otherwise
    kind: PartyKind
    mention: str = ""  # as written in the evidence
    adcode: str = ""
    lon: float | None = None
    lat: float | None = None
    approximate: bool = False  # an organisation located at its place (自贡市商务局)
    former_name: str = ""  # 郫县 when the text uses the old name of 郫都区



@dataclass(frozen=True)
class Event:
    """One donor → recipient event with its evidence.

    ``date`` is the time expression of the event's own clause or sentence, or
    ``None`` when that sentence states none; its year may be empty.
    ``char_start``/``char_end`` locate ``evidence`` in the original text.
    """

    event_id: str
    doc: str
    kind: EventKind
    programme: Programme
    donors: tuple[Party, ...]
    recipients: tuple[Party, ...]
    evidence: str
    char_start: int
    char_end: int
    summary: str = ""
    date: DateMention | None = None
    amount_yuan: float | None = None
    people: int | None = None
    # Every sentence (original offsets) that states this event: mentions of
    # one pair, kind and date in an article are one event.
    spans: tuple[tuple[int, int], ...] = ()

    @property
    def year(self) -> int | None:
        return None if self.date is None else self.date.year
