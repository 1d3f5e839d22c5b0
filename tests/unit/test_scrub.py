"""Scrubbing published text: every kind of personal data goes, ordinary numbers stay."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from chalicelib.scrub import MARKERS, contains_personal_data, doubtful, doubts, masked_doubts, scrub

PHONE, ID_NUMBER, EMAIL, PLATE, ADDRESS = (MARKERS[kind] for kind in ("phone", "id_number", "email", "plate", "address"))


def test_markers_are_distinct_and_carry_nothing_a_rule_could_find():
    assert len(set(MARKERS.values())) == len(MARKERS)
    for marker in MARKERS.values():
        assert unicodedata.normalize("NFKC", marker) == marker
        assert not re.search(r"[0-9A-Za-z@]", marker)
        assert not contains_personal_data(marker)


@pytest.mark.parametrize(
    ("text", "scrubbed"),
    [
        ("13912345678", PHONE),
        ("请联系我13912345678谢谢", f"请联系我{PHONE}谢谢"),
        ("我的手机139 1234 5678。", f"我的手机{PHONE}。"),
        ("139-1234-5678", PHONE),
        ("139 - 1234 - 5678", PHONE),
        ("139—1234—5678", PHONE),
        ("139 12345678", PHONE),
        ("+8613912345678", PHONE),
        ("+86 139 1234 5678", PHONE),
        ("+86-139-1234-5678", PHONE),
        ("(+86)13912345678", PHONE),
        ("0086 13912345678", PHONE),
        ("8613912345678", PHONE),
        ("86-150-0000-1111", PHONE),
        ("１３９１２３４５６７８", PHONE),
        ("＋８６ １３９－１２３４－５６７８", PHONE),
        ("tel13912345678", f"tel{PHONE}"),
        ("号码：18621001234，周末也可", f"号码:{PHONE},周末也可"),
        ("17012345678 或 19912345678", f"{PHONE} 或 {PHONE}"),
    ],
)
def test_mobile_numbers_become_the_phone_marker(text, scrubbed):
    assert scrub(text) == scrubbed
    assert contains_personal_data(text)


@pytest.mark.parametrize(
    ("text", "scrubbed"),
    [
        ("021-12345678", PHONE),
        ("(021)12345678", PHONE),
        ("(021) 6543-2100", PHONE),
        ("（０２１）６５４３２１００", PHONE),
        ("021 1234 5678", PHONE),
        ("02165432100", PHONE),
        ("0571-88886666", PHONE),
        ("010-6543210", PHONE),
        ("+86 21 6543 2100", PHONE),
        ("021-65432100-801", PHONE),
        ("021-65432100转801", PHONE),
        ("电话 6543 2100", f"电话 {PHONE}"),
        ("电话：65432100", f"电话:{PHONE}"),
        ("联系电话是6543-2100", f"联系电话是{PHONE}"),
        ("Tel: 6543 2100", f"Tel: {PHONE}"),
        ("TEL 65432100", f"TEL {PHONE}"),
        ("tel:6543-2100", f"tel:{PHONE}"),
        ("Phone 6543 2100", f"Phone {PHONE}"),
        ("联系王阿姨 65432100", f"联系王阿姨 {PHONE}"),
        ("座机 654 3210", f"座机 {PHONE}"),
        ("☎ 6543 2100", f"☎ {PHONE}"),
        ("电话 13912345678 / 6543 2100", f"电话 {PHONE} / {PHONE}"),
    ],
)
def test_landline_numbers_become_the_phone_marker(text, scrubbed):
    assert scrub(text) == scrubbed
    assert contains_personal_data(text)


@pytest.mark.parametrize(
    ("text", "scrubbed"),
    [
        ("310110198001011234", ID_NUMBER),
        ("31011019800101123X", ID_NUMBER),
        ("31011019800101123x", ID_NUMBER),
        ("身份证号310110200012311234，", f"身份证号{ID_NUMBER},"),
        ("110101189912310011", ID_NUMBER),
        ("310110 19800101 1234", ID_NUMBER),
        ("310110-19800101-123X", ID_NUMBER),
        ("３１０１１０１９８００１０１１２３Ｘ", ID_NUMBER),
        ("310110800101123", ID_NUMBER),
        ("旧证 440301991231002 已作废", f"旧证 {ID_NUMBER} 已作废"),
        ("130102199001011234", ID_NUMBER),
    ],
)
def test_resident_id_numbers_become_the_id_marker(text, scrubbed):
    assert scrub(text) == scrubbed
    assert contains_personal_data(text)


@pytest.mark.parametrize(
    ("text", "scrubbed"),
    [
        ("zhang.san@example.com", EMAIL),
        ("邮箱abc123@qq.com谢谢", f"邮箱{EMAIL}谢谢"),
        ("13912345678@163.com", EMAIL),
        ("139 1234 5678@qq.com", EMAIL),
        ("x-139 1234 5678@qq.com", EMAIL),
        ("first_last+mulin@mail.sh.gov.cn", EMAIL),
        ("a-b%c@my-host.org.", f"{EMAIL}."),
        ("ＸＹＺ＠ＱＱ．ＣＯＭ", EMAIL),
        ("请发到 li@fudan.edu.cn 或 wang@126.com", f"请发到 {EMAIL} 或 {EMAIL}"),
    ],
)
def test_email_addresses_become_the_email_marker(text, scrubbed):
    assert scrub(text) == scrubbed
    assert contains_personal_data(text)


@pytest.mark.parametrize(
    ("text", "scrubbed"),
    [
        ("沪A12345", PLATE),
        ("沪A·12345", PLATE),
        ("沪A・12345", PLATE),
        ("沪A 12345", PLATE),
        ("沪A-B2345", PLATE),
        ("沪AD12345", PLATE),
        ("沪A12345F", PLATE),
        ("沪A1234学", PLATE),
        ("沪A1234警", PLATE),
        ("沪a12345", PLATE),
        ("京N8P8F8", PLATE),
        ("苏E·A1234", PLATE),
        ("浙B 12345", PLATE),
        ("粤B1234港", PLATE),
        ("琼A12345停在消防通道", f"{PLATE}停在消防通道"),
        ("车牌为皖K12345的车", f"车牌为{PLATE}的车"),
        ("新A12345、藏A12345、蒙A12345", f"{PLATE}、{PLATE}、{PLATE}"),
    ],
)
def test_licence_plates_become_the_plate_marker(text, scrubbed):
    assert scrub(text) == scrubbed
    assert contains_personal_data(text)


@pytest.mark.parametrize("province", "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼")
def test_plates_of_every_province_are_found(province):
    assert scrub(f"车牌{province}B12345违停") == f"车牌{PLATE}违停"


@pytest.mark.parametrize(
    ("text", "scrubbed"),
    [
        ("12号楼301室", f"12号楼{ADDRESS}"),
        ("5栋2单元1302", f"5栋{ADDRESS}"),
        ("302室", ADDRESS),
        ("住在302室的老人", f"住在{ADDRESS}的老人"),
        ("5栋2单元1302室", f"5栋{ADDRESS}"),
        ("三号楼二单元502", f"三号楼{ADDRESS}"),
        ("3号楼 2单元 301", f"3号楼 {ADDRESS}"),
        ("12号楼301", f"12号楼{ADDRESS}"),
        ("12#楼1502", f"12#楼{ADDRESS}"),
        ("A座1203", f"A座{ADDRESS}"),
        ("7幢-601", f"7幢-{ADDRESS}"),
        ("5-2-1302室", ADDRESS),
        ("1502房间漏水", f"{ADDRESS}漏水"),
        ("控江路1500弄3号301", f"控江路1500弄3号{ADDRESS}"),
        ("长阳路1080弄5号201室", f"长阳路1080弄5号{ADDRESS}"),
        ("控江路 1500 号 301 室", f"控江路 1500 号 {ADDRESS}"),
        ("１２号楼３０１室", f"12号楼{ADDRESS}"),
    ],
)
def test_flats_below_the_building_become_the_address_marker(text, scrubbed):
    assert scrub(text) == scrubbed
    assert contains_personal_data(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "小区门口的路灯坏了三天。晚上很黑。",
        "2026年",
        "2026年5月12日",
        "2026-05-12",
        "2026/05/12 14:30",
        "09:00-17:00",
        "5月12日下午2点",
        "500 元",
        "500元",
        "¥12,000.50",
        "预算 35000 元。约 120 人受益",
        "120 人",
        "1200户居民",
        "13.5%",
        "控江路 1500 号",
        "控江路1500号",
        "长阳路1080弄",
        "长阳路1080弄12号",
        "12号楼门口的垃圾桶",
        "5栋",
        "2单元门口漏水",
        "3号楼 120 户居民",
        "5栋 300多户",
        "12号楼 2026年装了电梯",
        "12号楼 500 元",
        "三室一厅",
        "3室1厅",
        "2室2厅1卫",
        "120平方米",
        "市民服务热线12345",
        "拨打12345或110",
        "客服电话 400-820-8820",
        "400-820-8820",
        "4008208820",
        "800-820-8820",
        "电话 12345",
        "联系了 1500 户居民",
        "hotel 6543 2100",
        "地铁8号线",
        "公交139路",
        "G1234次列车",
        "京沪G1234次",
        "沪上",
        "沪ABCDE",
        "邮编200092",
        "310110001001",
        "310110001",
        "260512-123456",
        "01HZY3X8KQ6V2T1M9P5R7W4N0C",
        "请@居委会 关注",
        "email me",
        "第3期",
        "2025-2026 学年",
        "3.1415926535",
        "1,234,567",
    ],
)
def test_ordinary_text_and_numbers_stay_as_they_are(text):
    assert nfkc(text) == text, "an example must already be in NFKC form to show that nothing changed"
    assert scrub(text) == text
    assert not contains_personal_data(text)


def test_a_whole_suggestion_keeps_its_substance():
    text = (
        "控江路1500弄12号楼2单元301室的张阿姨（手机139 1234 5678，身份证310110195803151234）反映："
        "楼下沪A·12345长期占用消防通道，2026年3月已有120人联名。可发邮件至 zhang.ayi@163.com。"
    )
    assert scrub(text) == (
        f"控江路1500弄12号楼{ADDRESS}的张阿姨(手机{PHONE},身份证{ID_NUMBER})反映:"
        f"楼下{PLATE}长期占用消防通道,2026年3月已有120人联名。可发邮件至 {EMAIL}。"
    )


def test_the_result_is_in_nfkc_form_which_turns_full_width_punctuation_into_ascii():
    assert scrub("ＡＢＣ　１２０人") == "ABC 120人"
    assert scrub("路灯坏了，晚上很黑！（已报修）") == "路灯坏了,晚上很黑!(已报修)"
    assert scrub("。、《》「」") == "。、《》「」"
    assert not contains_personal_data("路灯坏了，晚上很黑！")


# --- properties ------------------------------------------------------------------------------

CHINESE = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
EXTRAS = st.sampled_from("，。、：；！？（）《》〔〕　０１２３＠－·\n")
SURROUNDING = st.text(alphabet=st.one_of(CHINESE, ASCII, EXTRAS), max_size=40)


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


@st.composite
def mobile_numbers(draw) -> tuple[str, str]:
    """(as written, the 11 digits that must not survive)."""
    digits = f"1{draw(st.sampled_from('3456789'))}{draw(st.integers(0, 10**9 - 1)):09d}"
    sep = draw(st.sampled_from(["", " ", "-", " - "]))
    written = f"{digits[:3]}{sep}{digits[3:7]}{sep}{digits[7:]}"
    prefix = draw(st.sampled_from(["", "+86", "+86 ", "+86-", "0086", "0086 ", "86", "(+86)", "(+86) "]))
    written = prefix + written
    if draw(st.booleans()):
        written = full_width(written)
    return written, digits


@st.composite
def id_numbers(draw) -> tuple[str, str]:
    """(as written, the digits that must not survive): 18 digits, or the 15 of an old card born in the 1900s."""
    region = f"{draw(st.integers(1, 9))}{draw(st.integers(0, 99_999)):05d}"
    sequence = f"{draw(st.integers(0, 999)):03d}"
    if draw(st.booleans()):
        born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 12, 31)))
        digits = f"{region}{born:%Y%m%d}{sequence}"
        written = digits + draw(st.sampled_from("0123456789Xx"))
    else:
        born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(1999, 12, 31)))
        digits = written = f"{region}{born:%y%m%d}{sequence}"
    if draw(st.booleans()):
        written = full_width(written)
    return written, digits


LOCAL = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789._-", min_size=1, max_size=12)
LABEL = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=10)
TLD = st.sampled_from(["com", "cn", "net", "org", "edu", "gov", "shanghai", "io"])


@st.composite
def emails(draw) -> tuple[str, str]:
    labels = draw(st.lists(LABEL, min_size=1, max_size=3))
    address = f"{draw(LOCAL)}@{'.'.join(labels)}.{draw(TLD)}"
    return address, address


def separated(prefix: str, suffix: str) -> bool:
    """Digits written against a number make a longer number, which no longer reads as a phone or ID."""
    before, after = nfkc(prefix), nfkc(suffix)
    return not (before and before[-1].isdigit()) and not (after and after[0].isdigit())


def stripped(text: str) -> str:
    return re.sub(r"[ \t\-–—()+]", "", nfkc(text))


@given(SURROUNDING, st.one_of(mobile_numbers(), id_numbers()), SURROUNDING)
def test_embedded_phone_and_id_digits_never_survive(prefix, number, suffix):
    written, digits = number
    assume(separated(prefix, suffix))
    assume(digits not in stripped(prefix) and digits not in stripped(suffix))
    scrubbed = scrub(prefix + written + suffix)
    assert digits not in stripped(scrubbed)
    assert not contains_personal_data(scrubbed)


@given(SURROUNDING, emails(), SURROUNDING)
def test_embedded_email_addresses_never_survive(prefix, email, suffix):
    address, _ = email
    assume(address not in nfkc(prefix) and address not in nfkc(suffix))
    scrubbed = scrub(prefix + address + suffix)
    assert address not in scrubbed
    assert not contains_personal_data(scrubbed)


@given(st.text(alphabet=st.one_of(CHINESE, ASCII, EXTRAS), max_size=30), st.one_of(mobile_numbers(), id_numbers()))
def test_digit_free_text_around_a_number_keeps_no_digit_at_all(words, number):
    written, _ = number
    words = re.sub(r"[0-9０-９]", "", words)
    middle = len(words) // 2
    scrubbed = scrub(words[:middle] + written + words[middle:])
    assert not any(character.isdigit() for character in scrubbed)


@given(st.text(alphabet=st.one_of(CHINESE, ASCII, EXTRAS), max_size=80))
def test_scrubbing_is_idempotent_and_leaves_nothing_to_find(text):
    once = scrub(text)
    assert scrub(once) == once
    assert not contains_personal_data(once)


@given(st.text(max_size=80))
def test_scrubbing_any_unicode_is_idempotent(text):
    once = scrub(text)
    assert scrub(once) == once
    assert not contains_personal_data(once)


@given(SURROUNDING)
def test_scrubbing_is_deterministic(text):
    assert scrub(text) == scrub(text)
    assert contains_personal_data(text) == (scrub(text) != nfkc(text))


# --- numbers whatever separates their digits ---------------------------------------------------

NUMERALS = {"0": "〇零", "1": "一幺", "2": "二两", "3": "三", "4": "四", "5": "五", "6": "六", "7": "七", "8": "八", "9": "九"}
NUMERAL_DIGITS = {numeral: digit for digit, numerals in NUMERALS.items() for numeral in numerals}
SEPARATORS = [".", "-", "/", "_", ",", "，", "、", "．", " ", "\u3000", "–", "—", ":", "·", "|", "~", "(", ")"]
FORMAT_CHARACTERS = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u202c"]
# Chinese text and punctuation with no digit and no numeral, so every digit in the output
# comes from the number.
WORDS = st.text(
    alphabet=st.one_of(
        CHINESE.filter(lambda c: c not in NUMERAL_DIGITS), st.sampled_from("，。：；！？（）《》、 :,.-")
    ),
    max_size=30,
)


def reading(text: str) -> str:
    """The digits a reader sees in `text`: normal form, format characters gone, numerals read."""
    text = "".join(c for c in nfkc(text) if unicodedata.category(c) != "Cf")
    return "".join(NUMERAL_DIGITS.get(c, c) for c in text if c.isdigit() or c in NUMERAL_DIGITS)


def seven_digit_runs(digits: str) -> set[str]:
    return {digits[i:i + 7] for i in range(len(digits) - 6)}


@st.composite
def written_anyhow(draw) -> tuple[str, str, str]:
    """(as written, its digits, its marker): a mobile, an 18-character ID or an old card's 15
    digits in groups of any size, any run of separators between them, each digit ASCII,
    full-width or a numeral, and invisible format characters anywhere."""
    kind = draw(st.sampled_from(["mobile", "id", "old_id"]))
    if kind == "mobile":
        digits = f"1{draw(st.sampled_from('3456789'))}{draw(st.integers(0, 10**9 - 1)):09d}"
        check, marker = "", PHONE
    elif kind == "old_id":
        region = f"{draw(st.integers(1, 9))}{draw(st.integers(0, 99_999)):05d}"
        born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(1999, 12, 31)))
        digits = f"{region}{born:%y%m%d}{draw(st.integers(0, 999)):03d}"
        check, marker = "", ID_NUMBER
    else:
        region = f"{draw(st.integers(1, 9))}{draw(st.integers(0, 99_999)):05d}"
        born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 12, 31)))
        digits = f"{region}{born:%Y%m%d}{draw(st.integers(0, 999)):03d}"
        check = draw(st.sampled_from(["", "X", "x", "Ｘ"]))
        digits += draw(st.sampled_from("0123456789")) if not check else ""
        marker = ID_NUMBER
    cuts = sorted(draw(st.sets(st.integers(1, len(digits) - 1), max_size=6)))
    style = draw(st.sampled_from(["ascii", "full", "numerals", "mixed"]))
    written = []
    for position, digit in enumerate(digits):
        if position in cuts:
            written.append("".join(draw(st.lists(st.sampled_from(SEPARATORS), min_size=1, max_size=3))))
        form = style if style != "mixed" else draw(st.sampled_from(["ascii", "full", "numerals"]))
        written.append({"ascii": digit, "full": full_width(digit), "numerals": draw(st.sampled_from(NUMERALS[digit]))}[form])
    if check:
        written.append(draw(st.sampled_from(["", " ", "-"])) + check)
    for _ in range(draw(st.integers(0, 4))):
        written.insert(draw(st.integers(0, len(written))), draw(st.sampled_from(FORMAT_CHARACTERS)))
    return "".join(written), digits, marker


@given(WORDS, written_anyhow(), WORDS)
def test_numbers_written_anyhow_never_keep_seven_of_their_digits(prefix, number, suffix):
    written, digits, marker = number
    scrubbed = scrub(prefix + written + suffix)
    assert not seven_digit_runs(digits) & {reading(scrubbed)[i:i + 7] for i in range(len(reading(scrubbed)))}
    assert marker in scrubbed
    assert not contains_personal_data(scrubbed)


PICTOGRAPHS = st.sampled_from(["👨", "👩", "👧", "❤", "🔥", "🏳", "🌈", "💻", "🏽", "\ufe0f"])


def emoji_joins(text: str) -> set[int]:
    """Where a joiner stands between two pictographs (a skin tone or presentation selector may
    follow the first): the only format character intake lets through."""
    pictograph = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")
    return {i for i, c in enumerate(text) if c == "\u200d" and 0 < i < len(text) - 1
            and pictograph.match(text[i + 1]) and (pictograph.match(text[i - 1]) or (
                text[i - 1] in "\ufe0f\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff"
                and i > 1 and pictograph.match(text[i - 2])))}


@given(st.text(alphabet=st.one_of(CHINESE, ASCII, EXTRAS, st.sampled_from(FORMAT_CHARACTERS)), max_size=80))
def test_scrubbing_text_with_format_characters_is_idempotent(text):
    once = scrub(text)
    assert scrub(once) == once
    assert not any(unicodedata.category(c) == "Cf" for i, c in enumerate(once) if i not in emoji_joins(once))
    assert not contains_personal_data(once)


@given(st.text(alphabet=st.one_of(PICTOGRAPHS, st.sampled_from(FORMAT_CHARACTERS), st.sampled_from("139 -")),
               max_size=40))
def test_only_joiners_that_build_an_emoji_survive(text):
    once = scrub(text)
    assert scrub(once) == once
    hidden = [i for i, c in enumerate(once) if unicodedata.category(c) == "Cf"]
    assert set(hidden) <= emoji_joins(once)


@pytest.mark.parametrize(
    "emoji",
    [
        "👨\u200d👩\u200d👧",
        "👩🏽\u200d💻",
        "❤️\u200d🔥",
        "🏳️\u200d🌈",
        "❤️",
        "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
    ],
)
def test_emoji_built_with_invisible_characters_are_published_as_written(emoji):
    text = f"全家{emoji}都支持,联系 139\u200b1234\u200b5678"
    assert scrub(text) == f"全家{emoji}都支持,联系 {PHONE}"


@pytest.mark.parametrize(
    ("text", "scrubbed"),
    [
        ("139\u200d1234\u200d5678", PHONE),
        ("👍\u200d139 1234 5678", f"👍{PHONE}"),
        ("1\ufe0f\u20e33\ufe0f\u20e39\ufe0f\u20e31234 5678", PHONE),
        ("一三九\u200d一二三四\u200c五六七八", PHONE),
    ],
)
def test_joiners_and_selectors_inside_a_number_go_with_it(text, scrubbed):
    assert scrub(text) == scrubbed


@pytest.mark.parametrize(
    ("text", "scrubbed"),
    [
        ("139.1234.5678", PHONE),
        ("1391-234-5678", PHONE),
        ("身份证号:310101 1990 0101 123X", f"身份证号:{ID_NUMBER}"),
        ("139 123 45678", PHONE),
        ("13912 345678", PHONE),
        ("139/1234/5678", PHONE),
        ("139_1234_5678", PHONE),
        ("139,1234,5678", PHONE),
        ("139\u200b1234\u200b5678", PHONE),
        ("一三九一二三四五六七八", PHONE),
        ("１３９１２３４５６７８", PHONE),
        ("幺三九 幺二三四 五六七八", PHONE),
        ("139，1234，5678", PHONE),
        ("139、1234、5678", PHONE),
        ("139．1234．5678", PHONE),
        ("139\u30001234\u30005678", PHONE),
        ("139 - / 1234 _ 5678", PHONE),
        ("+86.139.1234.5678", PHONE),
        ("电话:139.1234.5678。2026年", f"电话:{PHONE}。2026年"),
        ("3101 0119 9001 0112 3X", ID_NUMBER),
        ("310101 19900101 123 X", ID_NUMBER),
        ("310101 199 0010 1123X", ID_NUMBER),
        ("三一〇一〇一一九九〇〇一〇一一二三四", ID_NUMBER),
        ("31010119900101123X号", f"{ID_NUMBER}号"),
        ("310101 19900101 123", ID_NUMBER),
        ("身份证 31010119900101123 号", f"身份证 {ID_NUMBER} 号"),
        ("老身份证 310101 900101 123", f"老身份证 {ID_NUMBER}"),
        ("310-101-900-101-123", ID_NUMBER),
        ("310101.90.01.01.123号", f"{ID_NUMBER}号"),
        ("3101 0190 0101 123", ID_NUMBER),
        ("三一〇一〇一九〇〇一〇一一二三", ID_NUMBER),
    ],
)
def test_numbers_across_any_separator_or_in_numerals_go_whole(text, scrubbed):
    assert scrub(text) == scrubbed
    assert contains_personal_data(text)


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-23",
        "2026-11-23 13:30-15:30, 16:00-17:30",
        "时间 9:30-11:30 13:30-17:00",
        "1,000,000 元",
        "13,000,000,000 元",
        "13.000.000.000",
        "控江路 1500 号",
        "控江路1500号, 1501号, 1502号",
        "第15、16、17、18号楼",
        "1、3、5、7、9、11、13",
        "一二三四五六七",
        "三三两两",
        "一五一十",
        "2025-2026 学年, 2026-2027 学年",
        "310110001001",
        "第5、6、7、8、9、10、11、12、13、14号楼",
        "1、2、3、4、5、6、7、8、9、10、11、12、13、14",
    ],
)
def test_ordinary_numbers_across_separators_stay(text):
    assert scrub(text) == text
    assert not contains_personal_data(text)


@given(st.dates(), st.integers(0, 10**12), st.integers(1, 9999))
def test_dates_amounts_and_house_numbers_stay(day, amount, house):
    text = f"{day:%Y-%m-%d} 共 {amount:,} 元, 控江路{house}号"
    assert scrub(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "联系 139.1234.567",
        "139 1234 56789",
        "一三九一二三四五六七",
        "3101011990010112345",
        "0310101199001011234",
        "老证 310101 900101 1234",
        "1 3 9 1 2 3 4 5 6 7",
    ],
)
def test_text_nearly_holding_a_number_is_doubtful(text):
    assert doubtful(text)


@pytest.mark.parametrize(
    ("text", "kinds", "masked"),
    [
        ("联系 139.1234.567", ["phone"], "联系 139*****67"),
        ("3101011990010112345", ["id_number"], "310**************45"),
        ("王 139 1234 567, 李 3101011990010112345", ["phone", "id_number"], "王 139*****67, 李 310**************45"),
        ("电话 13912345678 已改", [], f"电话 {PHONE} 已改"),
    ],
)
def test_doubts_name_what_the_number_nearly_is_and_the_reviewer_sees_it_masked(text, kinds, masked):
    assert [doubt.kind for doubt in doubts(text)] == kinds
    assert masked_doubts(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "",
        "联系 139.1234.5678",
        "2026-11-23 13:30-15:30 16:00",
        "1,300,000,000 元",
        "1,000,000 元",
        "控江路1500号",
        "310110001001",
        "1391234567",
        "订单 1234 5678 9012",
        "1990-01-01 到 1995-12-31",
    ],
)
def test_ordinary_text_and_whole_numbers_are_not_doubtful(text):
    assert not doubtful(text)


@given(WORDS, written_anyhow(), WORDS)
def test_a_number_written_anyhow_leaves_nothing_doubtful(prefix, number, suffix):
    assert not doubtful(prefix + number[0] + suffix)
