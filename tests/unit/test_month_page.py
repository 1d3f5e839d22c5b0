"""The month page as rendered: names not codes, bars that carry their numbers, withheld cells explained."""

from __future__ import annotations

import html as html_lib
import json
import re
from pathlib import Path

import pytest

from chalicelib.funds.models import FundCategory
from chalicelib.publishing import mulin_index
from chalicelib.publishing.names import CATALOG, name
from chalicelib.publishing.render import page
from chalicelib.publishing.summary import SUPPRESSION
from chalicelib.suggestions.models import Channel, SuggestionCategory
from chalicelib.voting.models import SelectionRule

WEB_I18N = Path(__file__).resolve().parents[2] / "web" / "i18n"


def division(code, level, name_zh, **cells):
    row = {"division": code, "level": level, "name": name_zh, "received": 12, "accepted": 11, "declined": None,
           "replied": 10, "closed": 9, "adopted": 4, "acknowledged_on_time_rate": 1.0, "replied_on_time_rate": 0.9,
           "adoption_rate": 0.4, "median_working_days_to_reply": 5, "ratings": 6, "satisfaction_mean": 4.5,
           "satisfaction_distribution": {str(n): None for n in range(1, 6)},
           "by_category": {"elderly_care": 9, "public_safety": None, "transport": 1, "health": 0},
           "by_channel": {"web": 8, "hotline_12345": None}}
    return {**row, **cells}


@pytest.fixture(scope="module")
def summary():
    score = mulin_index.score({"participation": 4.0, "reply_timeliness": 0.9, "satisfaction": 4.5, "adoption": None,
                               "fund_use": 0.5, "turnout": None})
    return {
        "schema_version": "1.0", "month": "2045-03", "suppression": SUPPRESSION,
        "suggestions": [division("31", "city", "上海市"), division("310110", "district", "杨浦区", received=None)],
        "adopted_suggestions": [{"tracking_no": "JY-1", "division": "310110", "category": "elderly_care",
                                 "adoption": "adopted", "title": "加装扶手", "content": "楼道扶手", "reply": "已安排"}],
        "rounds": [{"round_id": "r1", "title": "小区微更新", "scope": "310110012001", "scope_name": "控一居委会",
                    "rule": "greedy", "ballots": 30, "registered_residents": 100, "turnout": 0.3,
                    "budget_fen": 100_000, "total_cost_fen": 80_000,
                    "projects": [{"id": "p1", "title": "座椅", "cost_fen": 80_000, "votes": 1000, "selected": True},
                                 {"id": "p2", "title": "花坛", "cost_fen": 50_000, "votes": 3, "selected": False}],
                    "files": {"ballots": "rounds/r1.pb", "results": "rounds/r1.json"}}],
        "funds": [], "pools": [{"committee": "310110012001", "name": "控一居委会", "year": 2045, "allocated_fen": 0,
                                "available_fen": 0, "committed_fen": 0, "disbursed_fen": 0, "use_rate": None}],
        "mulin_index": {"formula": mulin_index.FORMULA,
                        "scores": [{"division": "310110012", "level": "street", "name": "控江路街道", **score}]},
    }


@pytest.fixture(scope="module")
def html(summary):
    return page(summary, ["summary.json"]).decode("utf-8")


def visible_text(html):
    # Attributes aside (the data-* labels of the phone layout), what a reader sees or hears.
    return re.sub(r"<[^>]*>", " ", html)


@pytest.mark.parametrize(("kind", "codes"), [("category", SuggestionCategory), ("channel", Channel),
                                            ("fund_category", FundCategory), ("rule", SelectionRule),
                                            ("component", mulin_index.COMPONENTS)])
def test_every_code_has_a_chinese_and_an_english_name(kind, codes):
    for code in codes:
        value = getattr(code, "value", code)
        zh, en = CATALOG[kind][value]
        assert re.search(r"[\u4e00-\u9fff]", zh) and en.isascii() and zh != en != value, (kind, value)


def test_the_category_names_are_the_residents_sites():
    zh = json.loads((WEB_I18N / "zh.json").read_text(encoding="utf-8"))
    en = json.loads((WEB_I18N / "en.json").read_text(encoding="utf-8"))
    for category in SuggestionCategory:
        assert name("category", category.value) == (zh[f"category.{category.value}"], en[f"category.{category.value}"])
    for category in FundCategory:
        key = f"fund.category.{category.value}"
        assert name("fund_category", category.value) == (zh[key], en[key])


def test_names_not_codes_are_shown(html):
    text = visible_text(html)
    for shown in ("养老服务", "Elderly care", "公共安全", "12345 热线", "按期答复率", "Replies on time",
                  "按得票从多到少入选", "Most votes first"):
        assert shown in text, shown
    for code in ("elderly_care", "public_safety", "hotline_12345", "reply_timeliness", "greedy"):
        # A component's code is printed once beside its name, for those who read the CSV.
        assert text.count(code) == (1 if code in mulin_index.COMPONENTS else 0), code


def charts(html):
    return re.findall(r'<svg role="img" aria-labelledby="([^"]+)-title" aria-describedby="[^"]+"[^>]*>(.*?)</svg>', html,
                      flags=re.DOTALL)


def test_each_chart_is_an_image_with_a_title_and_every_bar_carries_its_number(html):
    found = dict(charts(html))
    assert set(found) >= {"by-category-zh-CN", "by-category-en", "by-channel-zh-CN", "index-en", "votes-1-zh-CN"}
    for ident, svg in found.items():
        assert re.search(rf'<title id="{ident}-title">\S', svg) and f'<desc id="{ident}-desc">' in svg
    category = found["by-category-zh-CN"]
    bars = re.findall(r'<rect x="0" y="\d+" width="([\d.]+)%"[^>]*></rect>\s*<text class="number"[^>]*>([^<]+)</text>',
                      category)
    assert [value for _, value in bars] == ["9", "1", "0"]
    widths = {value: float(width) for width, value in bars}
    assert widths["9"] == 72 and 0 < widths["1"] and widths["0"] == 0
    # A number a thousand times smaller than the largest still shows a bar.
    votes = re.findall(r'width="([\d.]+)%"', found["votes-1-zh-CN"])
    assert [float(w) for w in votes] == [72, 1]
    assert "养老服务：9；公共安全：未公布；交通出行：1；医疗卫生：0" in category
    assert "Elderly care: 9; Public safety: withheld" in found["by-category-en"]


def test_a_withheld_cell_says_so_and_why_in_both_languages(html):
    svg = dict(charts(html))["by-category-zh-CN"]
    assert 'class="withheld"' in svg and "未公布" in svg
    assert "这个数字涉及不足5人" in html and "fewer than 5 people" in html
    assert html.count('<span class="withheld">') >= 2  # declined in both rows, received in the district's
    # The English labels of the phone layout beside each cell.
    assert 'data-zh="不予受理" data-en="Declined"' in html


def test_the_page_keeps_one_inline_style_and_script_for_the_month_policy(html):
    assert len(re.findall(r"<style>", html)) == len(re.findall(r"<script>", html)) == 1
    assert 'lang="zh-CN"' in html.split("\n", 3)[2] or '<html lang="zh-CN">' in html


def test_the_index_reads_in_the_plans_four_dimensions(html):
    from chalicelib.publishing.names import DIMENSIONS, V1_DIMENSION

    assert set(V1_DIMENSION) == set(mulin_index.COMPONENTS) and set(V1_DIMENSION.values()) == set(DIMENSIONS)
    sections = re.findall(r'<section class="dimension" aria-labelledby="dimension-(\w+)">(.*?)</section>', html,
                          flags=re.DOTALL)
    assert [d for d, _ in sections] == list(DIMENSIONS)
    text = {d: visible_text(body) for d, body in sections}
    assert "自治" in text["self_governance"] and "居民参与" in text["self_governance"] and "投票率" in text["self_governance"]
    assert "按期答复率" in text["rule_of_law"] and "满意度" in text["civic_virtue"]
    # The table's columns follow the same order, each named with its dimension.
    headers = re.findall(r'<th scope="col"><span lang="zh-CN">([^<]+)</span>', html)
    index_headers = [h for h in headers if "·" in h]
    assert [h.split("·")[0] for h in index_headers] == ["自治", "自治", "共治", "共治", "法治", "德治"]


def test_every_data_file_is_linked_by_what_it_holds(summary):
    html = page(summary, ["mulin_index.csv", "summary.json", "unknown.csv"]).decode("utf-8")
    assert '<a href="mulin_index.csv"><span lang="zh-CN">睦邻指数及各分项</span>' in html
    assert '<a href="manifest.json">' in html
    # A file the catalog does not know is still linked, by its own name.
    assert '<a href="unknown.csv"><span lang="zh-CN">unknown.csv</span>' in html


def v2_row(code, name_zh, counts, entered, conventions=None):
    from fractions import Fraction

    from chalicelib.live import index

    result = index.evaluate(counts, residents=Fraction(3000), entered=entered, conventions=conventions)
    withheld = sorted(i for i in index.withheld(counts) if result["components"][i]["value"] is None)
    return {"division": code, "name": name_zh, **result, "withheld": withheld}


@pytest.fixture(scope="module")
def html_v2(summary):
    from chalicelib.live import index

    counts = {"suggestions_received": 30, "suggestions_accepted": 12, "suggestions_accepted_on_time": 11,
              "replies": 10, "replies_on_time": 9, "adoptions": 4, "ratings": 3, "rating_points": 12, "ballots_cast": 40}
    rows = [v2_row("310110012001", "控江一村居委会", counts, {}, conventions=1),
            v2_row("310110012002", "控江二村居委会", {"ratings": 1, "rating_points": 5}, {})]
    return page({**summary, "mulin_index_v2": {"formula": index.formula(), "scores": rows}},
                ["mulin_index_v2.csv", "summary.json"]).decode("utf-8")


def chinese(html):
    """What a reader of the Chinese page sees: the English spans left out."""
    return re.sub(r'<span lang="en">.*?</span>', "", html, flags=re.DOTALL)


def v2_sections(html):
    return dict(re.findall(r'<section class="dimension-v2" aria-labelledby="v2-(\w+)">(.*?)</section>', html,
                           flags=re.DOTALL))


def test_index_2_reads_in_the_four_dimensions_with_each_indicators_kind_method_weight_and_target(html_v2):
    from chalicelib.live import index
    from chalicelib.publishing.names import DIMENSIONS

    sections = v2_sections(html_v2)
    assert list(sections) == list(DIMENSIONS)
    for indicator in index.INDICATORS:
        body = sections[indicator.dimension]
        item = re.search(rf"<li><strong><span lang=\"zh-CN\">{indicator.zh}</span>.*?</li>", body, flags=re.DOTALL)
        assert item, indicator.id
        text = visible_text(chinese(item.group(0)))
        assert ("基础性" if indicator.kind == "basic" else "引导性") in text
        assert ("平台统计" if indicator.method == "measured" else "街道填报") in text
        assert f"权重 {float(indicator.weight):g}" in text and f"目标 {float(indicator.target):g}" in text
        assert indicator.en in html_lib.unescape(item.group(0))  # the English switch has the same words
    # Basic before guidance inside a dimension, as the plan lists them.
    rule_of_law = re.findall(r'<li><strong><span lang="zh-CN">([^<]+)</span>', sections["rule_of_law"])
    assert rule_of_law == ["居民公约", "依法按时答复率", "法律咨询服务"]
    # v1.1 stays beside it: the recountable series.
    assert html_v2.index('id="index-v2"') > html_v2.index('aria-labelledby="dimension-civic_virtue"')


def test_index_2_says_no_codes_only_names(html_v2):
    from chalicelib.live import index
    from chalicelib.live.counters import COUNTERS

    start = html_v2.index('id="index-v2"')
    section = re.sub(r"<desc[^>]*>.*?</desc>|<script>.*?</script>", "", html_v2[start:], flags=re.DOTALL)
    text, text_zh = visible_text(section), visible_text(chinese(section))
    for code in (*index.BY_ID, *COUNTERS, *index.DIMENSIONS, "allocated_fen", "measured", "entered", "guidance"):
        assert re.search(rf"(?<![\w.]){code}(?![\w.])", text_zh) is None, code
        # English words such as "replies" are fine in the English text; a code with "_" never is.
        assert "_" not in code or code not in text, code
    assert "(收到的建议数 + 投票数) ÷ 居民数 × 1000" in text
    assert "(suggestions received + ballots cast) / residents × 1000" in text


def test_index_2_cells_say_withheld_not_entered_or_no_data_and_why(html_v2):
    sections = v2_sections(html_v2)
    virtue = sections["civic_virtue"]
    rows = dict(re.findall(r'<tr><th scope="row">([^<]+)</th>(.*?)</tr>', virtue, flags=re.DOTALL))
    # One rating is fewer than five people: withheld, and the note beside the table says why.
    first = re.findall(r'<td data-zh="居民满意度"[^>]*>(.*?)</td>', rows["控江二村居委会"])
    assert first and "未公布" in first[0] and 'class="withheld"' in first[0]
    assert "“未公布”：基于不足5人（件）的指标不予公布，也不计入指数。" in virtue
    assert "Withheld" in virtue
    assert "未填报" in visible_text(rows["控江一村居委会"])
    # A measured indicator with nothing to measure says so; the rule-of-law table has no withheld cell, no note.
    assert "无数据" in visible_text(sections["self_governance"])
    assert "“未公布”" not in sections["rule_of_law"]
    # One convention in a year, 3,000 residents: 0.3333 per 1,000 (measured since 2.1).
    assert re.search(r'<td data-zh="居民公约" data-en="Residents&#39; conventions">0.3333 → 100.0</td>',
                     sections["rule_of_law"])


def test_index_2_charts_are_images_with_titles_and_numbers(html_v2):
    found = dict(charts(html_v2))
    assert {"index-v2-zh-CN", "index-v2-en", "v2-self_governance-zh-CN", "v2-rule_of_law-en"} <= set(found)
    scores = re.findall(r'<text class="number"[^>]*>([^<]+)</text>', found["index-v2-zh-CN"])
    assert scores and all(re.fullmatch(r"\d+(\.\d)?", s) for s in scores)
    assert '<title id="index-v2-zh-CN-title">睦邻指数 2.0（0–100）</title>' in found["index-v2-zh-CN"]
    # Every division's four dimensions in a table beside, named in both languages.
    assert 'data-zh="法治" data-en="Rule of law"' in html_v2
    assert '<a href="mulin_index_v2.csv"><span lang="zh-CN">睦邻指数2.0及各项指标</span>' in html_v2


def test_a_month_published_before_index_2_has_no_such_section(html):
    assert 'id="index-v2"' not in html and "dimension-v2" not in html
