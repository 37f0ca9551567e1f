"""The offline base map: the data file's schema and size, its builder's geometry, pinyin names."""

from __future__ import annotations

import json

import pytest

from geo.errors import MapAssetError
from geo.map.basemap import BASEMAP_FILE, LAYERS, check_basemap, load_basemap
from geo.map.basemap_build import clip_ring, label_point, simplify_ring
from geo.map.render import build_folium_map, render_map
from geo.map.data import build_map_data
from geo.map.romanise import base_name, pinyin_name

MAX_BYTES = 1_500_000  # the whole base map is inlined in every map page


def test_the_basemap_file_has_china_its_provinces_prefectures_and_neighbours():
    basemap = load_basemap()
    assert len(basemap["outline"]["features"]) == 1
    provinces = {f["properties"]["adcode"]: f["properties"] for f in basemap["provinces"]["features"]}
    assert len(provinces) == 34  # 23 provinces, 5 autonomous regions, 4 municipalities, Hong Kong, Macao
    assert provinces["510000"]["name"] == "四川省" and provinces["510000"]["name_en"] == "Sichuan"
    assert provinces["610000"]["name_en"] == "Shaanxi" and provinces["140000"]["name_en"] == "Shanxi"
    lon, lat = provinces["510000"]["label"]
    assert 98 < lon < 108 and 26 < lat < 34  # the name sits inside Sichuan
    prefectures = {f["properties"]["adcode"]: f["properties"] for f in basemap["prefectures"]["features"]}
    assert prefectures["510300"]["name_en"] == "Zigong" and len(prefectures) > 300
    assert {f["properties"]["iso3"] for f in basemap["neighbours"]["features"]} >= {"MNG", "VNM", "IND"}


def test_the_basemap_is_small_enough_to_inline():
    assert BASEMAP_FILE.stat().st_size < MAX_BYTES


def test_a_broken_basemap_is_refused_with_what_to_do(tmp_path):
    basemap = json.loads(BASEMAP_FILE.read_text(encoding="utf-8"))
    for layer in LAYERS:
        with pytest.raises(MapAssetError, match=f"layer '{layer}'"):
            check_basemap({**basemap, layer: []})
    del basemap["provinces"]["features"][0]["properties"]["name_en"]
    with pytest.raises(MapAssetError, match="English name.*basemap_build"):
        check_basemap(basemap)
    assert check_basemap(load_basemap()) is not None  # the check can pass: the real file is fine
    with pytest.raises(MapAssetError, match="is missing"):
        load_basemap(tmp_path / "nothing.json")


def test_every_map_page_draws_the_basemap_and_keeps_tiles_off(tmp_path):
    m = build_folium_map(build_map_data([]))
    tiles = [c for c in m._children.values() if type(c).__name__ == "TileLayer"]
    assert len(tiles) == 1 and tiles[0].show is False and tiles[0].overlay is True
    page = render_map(build_map_data([]), tiles=None)
    assert "atlasBasemap" in page and "四川省" in page and "TileLayer" not in page
    assert "Sichuan" in render_map(build_map_data([]), lang="en")


def test_simplify_keeps_the_shape_and_drops_the_wiggles():
    ring = [[x / 10, 0.001 * (x % 2)] for x in range(0, 101)] + [[10, 5], [0, 5], [0, 0]]
    simple = simplify_ring(ring, 0.01)
    assert simple[0] == [0.0, 0.0] and [10.0, 5.0] in simple and [0.0, 5.0] in simple
    assert len(simple) < 10


def test_clip_keeps_the_part_inside_the_box():
    square = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]
    clipped = clip_ring(square, (5, -1, 20, 20))
    assert min(x for x, _ in clipped) == 5 and max(x for x, _ in clipped) == 10
    assert clip_ring(square, (20, 20, 30, 30)) == []


def test_a_label_point_lies_inside_a_concave_shape():
    # an L: the centroid of its corner box would fall outside it
    shape = [[[[0, 0], [10, 0], [10, 2], [2, 2], [2, 10], [0, 10], [0, 0]]]]
    x, y = label_point(shape)
    assert (0 < x < 10 and 0 < y < 2) or (0 < x < 2 and 0 < y < 10)


@pytest.mark.parametrize(("name", "english"), [
    ("自贡市", "Zigong"), ("凉山彝族自治州", "Liangshan"), ("黔东南苗族侗族自治州", "Qiandongnan"),
    ("广西壮族自治区", "Guangxi"), ("会宁县", "Huining"), ("陕西省", "Shaanxi"), ("阿拉善盟", "Alashan"),
])
def test_place_names_in_pinyin_drop_their_suffix(name, english):
    assert pinyin_name(name) == english


def test_a_two_character_name_keeps_its_last_character():
    assert base_name("和县") == "和县" and base_name("和平区") == "和平"
