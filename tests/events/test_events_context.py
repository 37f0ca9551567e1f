"""What the rest of the article decides: who 我区 is, the paragraph's date, one event per pair.

Sentences are from real articles (tests/data/realset, tests/data/devset, the seeds)."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.dates.mention import Basis
from timeline.events.assembly import extract_events
from timeline.events.export import EVENT_COLUMNS, csv_text, events_to_rows
from timeline.events.model import EventKind

AID_AREAS = "目前我区对口帮扶地区为内蒙古乌兰察布市卓资县、河北省保定市唐县,对口协作地区为河南省南阳市淅川县。"  # realset 014


def pairs(events):
    return [(tuple(d.name for d in e.donors), tuple(r.name for r in e.recipients)) for e in events]


# -- deixis --------------------------------------------------------------------------------
def test_我区_is_the_district_the_title_names():
    got = pairs(extract_events(AID_AREAS, doc="t", title="朝阳区对口帮扶工作重抓实事实效"))
    assert got == [(("朝阳区",), ("卓资县", "唐县")), (("朝阳区",), ("淅川县",))]
    assert extract_events(AID_AREAS, doc="t", title="朝阳区对口帮扶工作重抓实事实效")[0].donors[0].adcode == "110105"


def test_我区_is_read_from_the_source_line_when_there_is_no_title():
    got = pairs(extract_events("来源：上海普陀\n" + AID_AREAS, doc="t"))
    assert got[0] == (("普陀区",), ("卓资县", "唐县"))


def test_我区_is_read_from_the_headline_line_of_the_text():
    got = pairs(extract_events("朝阳区对口帮扶工作重抓实事实效\n" + AID_AREAS, doc="t"))
    assert got[0] == (("朝阳区",), ("卓资县", "唐县"))


def test_我市_with_no_source_naming_a_city_stays_unread():
    # realset 013 (宁波日报 本报讯): nothing in the page names the city.
    text = "本报讯(记者孙吉晶)昨天上午,我市与前来考察的云和县党政代表团举行座谈会,双方就今后五年结对帮扶工作进行广泛交流。"
    assert all("我市" not in d.mention for e in extract_events(text, doc="t") for d in e.donors)


def test_a_title_naming_two_districts_leaves_我区_unread():
    got = extract_events(AID_AREAS, doc="t", title="普陀区与东川区召开东西部协作工作座谈会")
    assert all(d.name not in ("普陀区", "东川区") for e in got for d in e.donors)


# -- dates -------------------------------------------------------------------------------------
DEVSET_PARAGRAPH = (  # tests/data/devset/02_suzhou_tongren.txt
    "2016年，国家调整东西部扶贫协作结对关系，苏州市继续与铜仁市结对，苏州10个县级市（区）与铜仁10个区县实现结对帮扶全覆盖。"
    "其中，张家港市结对帮扶沿河土家族自治县，常熟市结对帮扶思南县。"
)


def test_a_sentence_continuing_a_dated_one_takes_its_date_with_basis_context():
    events = {e.donors[0].name: e for e in extract_events(DEVSET_PARAGRAPH, doc="t")}
    assert events["苏州市"].date.basis is Basis.STATED and events["苏州市"].year == 2016
    for donor in ("张家港市", "常熟市"):
        assert events[donor].year == 2016 and events[donor].date.basis is Basis.CONTEXT
        assert events[donor].date.text == "2016年"  # the span is the date's own, in the sentence before


def test_the_paragraph_date_never_crosses_a_paragraph_break():
    text = DEVSET_PARAGRAPH.replace("。其中", "。\n其中")
    events = {e.donors[0].name: e for e in extract_events(text, doc="t")}
    assert events["张家港市"].date is None


def test_a_sentence_that_does_not_continue_the_dated_one_takes_no_date():
    text = DEVSET_PARAGRAPH.replace("其中，", "")
    events = {e.donors[0].name: e for e in extract_events(text, doc="t")}
    assert events["张家港市"].date is None


def test_a_sentence_saying_how_things_stand_now_takes_no_date_from_the_one_before():
    # realset19 028: 根据…部署 continues the dated sentence, but 目前 says what holds today
    text = ("1996年,闽宁对口扶贫协作启幕,泉州深度参与其中。根据省委、省政府的统一部署,泉州目前对口帮扶宁夏吴忠市"
            "盐池县、同心县和红寺堡区。")
    years = {r.name: e.year for e in extract_events(text, doc="t") for r in e.recipients if r.name.endswith(("县", "区"))}
    assert years == {"盐池县": None, "同心县": None, "红寺堡区": None}


def test_a_running_total_is_not_dated_by_the_sentence_opening_date():
    # seed 000 style: a start, then what was sent "迄今…先后".
    text = "1996年，自贡市对口帮扶平昌县工作拉开帷幕，迄今为止自贡市已先后选派干部支援平昌县。"
    events = extract_events(text, doc="t")
    assert [e.year for e in events] == [1996]  # the start; the dispatches keep no year


def test_a_span_in_the_receivers_clause_undates_a_giver_named_in_the_clause_before():
    # realset8 016 (and realset3 019, the same text from another site): the giver stands in one clause, the span
    # 迄今为止已先后选派 and the receivers in the next; the dispatches are not dated 1996.
    text = ("1996年,“閩寧合作”在國家“東西扶貧協作”計劃的大背景下拉開帷幕,泉州市委、市政府深入貫徹落實黨中央、國務院和"
            "省委、省政府有關閩寧對口幫扶工作的決策部署,迄今為止已先后選派11批46位干部前往寧夏固原市原州區和吳忠市同心縣、"
            "紅寺堡區、鹽池縣等地開展結對幫扶。")
    years = {r.name: e.year for e in extract_events(text, doc="t") for r in e.recipients}
    assert years == {"原州区": None, "同心县": None, "红寺堡区": None, "盐池县": None}


def test_a_date_inside_another_clause_belongs_to_that_clause():
    # realset 018: 2009年9月 is when the school opened, not when 北京 aided 什邡.
    text = ("在5·12汶川特大地震极重灾区四川彭州市,有一座大桥叫新小鱼洞大桥。"
            "北京对口支援什邡的基础设施项目————贯穿什邡南北的“生命线”广青路一期工程仅用了4个月就建成通车;"
            "上海按国内一流标准援建的都江堰聚源职业中学2009年9月即正式开学。")
    years = {e.donors[0].name: e.year for e in extract_events(text, doc="t")}
    assert years == {"北京市": None, "上海市": 2009}


def test_a_date_that_is_a_clause_of_its_own_governs_the_clauses_after_it():
    # realset 023: 4月12日 stands alone between two clauses.
    text = ("經過在新疆和田地區的實地調研,4月12日,中共中央政治局委員、北京市委書記劉淇帶領的北京市代表團確定對口支援和田地區。")
    e, = extract_events(text, doc="t", publication_date=dt.date(2010, 5, 28))
    assert (e.year, e.date.month, e.date.day) == (2010, 4, 12)


def test_a_leading_date_governs_in_traditional_script_as_in_simplified():
    # realset16 018: 從2005年起 is the clause's date in either script.
    simplified = "正是在这样的背景下,从2005年起,武汉大学人民医院开始了对咸丰县人民医院长达20年的对口帮扶。"
    traditional = "正是在這樣的背景下,從2005年起,武漢大學人民醫院開始了對咸豐縣人民醫院長達20年的對口幫扶。"
    years = [[e.year for e in extract_events(t, doc="t")] for t in (simplified, traditional)]
    assert years == [[2005], [2005]]


def test_an_anniversary_year_dates_no_event_in_either_script():
    # realset3 004's rule (2025年是…两周年 is not when the aid began), in both scripts.
    texts = ("2025年是广东对口支援喀什地区十五周年。", "2025年是廣東對口支援喀什地區十五週年。")
    assert [[e.year for e in extract_events(t, doc="t")] for t in texts] == [[None], [None]]


def test_目前_says_how_things_stand_and_dates_no_event():
    events = extract_events(AID_AREAS, doc="t", title="朝阳区对口帮扶工作重抓实事实效",
                            publication_date=dt.date(2017, 8, 21))
    assert [e.date for e in events] == [None, None]


# -- events a reader counts --------------------------------------------------------------------
REALSET_003 = (  # realset 003: headline, caption and body name the same visit
    "上海市第八批援藏定日聯絡小組到定日縣崗嘎鎮調研\n"
    "圖為上海市第八批援藏定日聯絡小組到定日縣崗嘎鎮調研,小組成員正在查看崗嘎鎮規劃圖。\n"
)


def test_a_caption_is_not_an_event_and_mentions_of_one_visit_are_one_event():
    events = extract_events(REALSET_003, doc="t")
    assert len(events) == 1 and events[0].kind is EventKind.VISIT
    assert events[0].spans == ((0, 23),)  # the headline; the caption (图为…) is not a mention


def test_mentions_of_one_pair_kind_and_date_merge_keeping_every_span():
    text = "2021年6月，自贡市对口帮扶平昌县。\n2021年6月，自贡市对口帮扶平昌县，工作全面展开。"
    events = extract_events(text, doc="t")
    assert len(events) == 1 and len(events[0].spans) == 2
    a, b = events[0].spans[1]
    assert text[a:b].startswith("2021年6月，自贡市对口帮扶平昌县，工作")


def test_different_dates_stay_different_events():
    text = "2021年6月，自贡市对口帮扶平昌县。\n2022年6月，自贡市对口帮扶平昌县。"
    assert [e.year for e in extract_events(text, doc="t")] == [2021, 2022]


def test_an_undated_mention_joins_the_one_dated_event_of_its_pair_and_kind():
    text = "2021年6月，自贡市对口帮扶平昌县。\n自贡市对口帮扶平昌县。"
    events = extract_events(text, doc="t")
    assert [(e.year, len(e.spans)) for e in events] == [(2021, 2)]


def test_summing_the_event_columns_counts_each_event_once():
    # seed 002: under the byline of 道孚县, one sentence, three donors, one sum of people.
    text = ("     ■道孚縣委、縣政府\n    2011年以來,來自公安廳等省直機關和郫縣、都江堰市等對口支援市縣的106名援藏干部人才"
            "真情融入、傾情作為,得到了全縣干部群眾的高度認可和由衷贊譽。")
    rows = events_to_rows(extract_events(text, doc="t"))
    team = [r for r in rows if r["people"]]
    assert len(team) > 1 and all(r["people"] == 106 for r in team)  # repeated per row …
    assert sum(r["event_people"] or 0 for r in team) == 106  # … counted once per event
    assert all(r["event_rows"] == len(team) for r in team)


def test_the_context_basis_shows_in_the_csv():
    rows = events_to_rows(extract_events(DEVSET_PARAGRAPH, doc="t"))
    lines = csv_text(rows, EVENT_COLUMNS).splitlines()
    basis = lines[0].split(",").index("basis")
    assert {line.split(",")[basis] for line in lines[1:]} == {"stated", "context"}


def test_a_receiver_named_again_after_a_joint_clause_gets_the_topic_as_giver():
    # realset 008 (中评社, traditional script): 帮助青田 — 平湖市 gives, not 青田县 to itself.
    text = ("平湖市政府負責人表示,作為全省首創,平湖市與青田縣協作打造“飛地”產業園,"
            "將通過產業園集聚產生的經濟效益幫助青田156個經濟薄弱村壯大集體經濟。")
    assert ("平湖市", "青田县") in {(d.name, r.name) for e in extract_events(text, doc="t") for d in e.donors
                                     for r in e.recipients}


def test_two_places_a_word_apart_are_two_parties_not_a_parent_and_its_child():
    # devset 07: 成都市在金堂县划出土地 — 成都市 acts; 金堂县 is where, not 成都市's name for itself.
    text = "为此，省委、省政府作出决策，由成都市在金堂县划出土地，与阿坝州合作共建工业园区，帮助阿坝州将受灾企业异地重建。"
    got = {(d.name, r.name) for e in extract_events(text, doc="t") for d in e.donors for r in e.recipients}
    assert got == {("成都市", "阿坝藏族羌族自治州")}


def test_a_county_of_a_prefecture_written_with_的_is_that_county():
    # realset 023: 和田地区的和田市、和田县 are the prefecture's counties, the recipients.
    text = "按照中央的總體部署,北京市對口支援和田地區的和田市、和田縣、墨玉縣、洛浦縣。"
    e, = extract_events(text, doc="t")
    assert [r.name for r in e.recipients] == ["和田市", "和田县", "墨玉县", "洛浦县"]


def test_what_came_after_a_dated_clause_takes_not_its_date():
    # realset3 026 (江苏 南北挂钩): the first park's year, not the later parks'
    text = ("2006年,随着苏州宿迁工业园区开工建设,苏州、宿迁两市的合作开始以共建园区为主要抓手,"
            "随后启动建设张家港宿豫工业园区、常熟泗洪工业园区、吴江泗阳工业园区。")
    years = {(d.name, r.name): e.year for e in extract_events(text, doc="t") for d in e.donors for r in e.recipients}
    assert years[("苏州市", "宿迁市")] == 2006
    assert years[("张家港市", "宿豫区")] is None
    assert years[("常熟市", "泗洪县")] is None and years[("吴江区", "泗阳县")] is None


def test_a_dated_predicate_with_no_subject_of_its_own_dates_the_clause_before():
    # realset17 026 (中评社, 2018-06-01): the projects …,已于5月30日成功签约 — the signing is the pairs' event
    text = ("杭州余杭与衢州共建杭州未来科技城衢州园项目、宁波与丽水共建“飞地创业园”项目等一批“山海协作”升级版项目,"
            "已于5月30日成功签约。")
    events = extract_events(text, doc="t", publication_date=dt.date(2018, 6, 1))
    assert {(e.donors[0].name, e.year, e.date.month, e.date.day) for e in events} == {
        ("余杭区", 2018, 5, 30), ("宁波市", 2018, 5, 30)}
