"""Personal data taken out of free text that residents agreed to have published.

Consent covers the resident's words, not the phone numbers, ID numbers, e-mail addresses,
licence plates or flat numbers they wrote into them (PIPL: publish the minimum). Each find
becomes a fixed marker, so a reader still sees that something was there and what kind.

What stays, because it identifies no one: years, dates, money, counts, the 12345 hotline,
400/800 service numbers, road and lane numbers (控江路1500号, 长阳路1080弄), and buildings
(12号楼, 5栋) and stairwells (2单元) on their own, which many households share. What goes:
the flat (301室, and 2单元1302 where a bare number follows a stairwell or building).

Text is compared and returned in NFKC form, so full-width digits and punctuation
(１３９－１２３４－５６７８) are read like their ASCII forms. The returned text therefore has ASCII
，！？：；（） as well (,!?:;()); 。、《》 and other CJK punctuation are unchanged. Invisible format
characters (zero-width space, joiners, direction marks) are removed before anything is read,
except where an emoji is built with them (👨‍👩‍👧, ❤️, flags): the published text keeps those.

A mobile or ID number is found whatever separates its digit groups (139.1234.5678, 139_1234_5678,
310101 1990 0101 123X) and when written in Chinese numerals (一三九…, 幺 for 1), as long as whole
groups make up exactly its digits: 2026-11-23, 1,000,000 and 1500号 stay, and so does a
numbered list (5、6、7、…、14). An old card's 15 digits go like the 18 of a new one. What is nearly such a
number after scrubbing (a digit short or over) makes the text `doubtful`, and doubtful text is
held back from publication.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from chalicelib.visible_text import PICTOGRAPHIC, code_points

MARKERS = {
    "phone": "〔电话〕",
    "id_number": "〔证件号〕",
    "email": "〔邮箱〕",
    "plate": "〔车牌〕",
    "address": "〔门牌〕",
}

# People group digits with spaces or dashes, sometimes both (139 - 1234 - 5678); em and en
# dashes survive NFKC, so they are listed beside the hyphen.
_SEP = r"(?:[ \t]?[-–—][ \t]?|[ \t])?"
_NO_DIGIT_BEFORE = r"(?<![0-9])"
_NO_DIGIT_AFTER = r"(?![0-9])"

_BIRTH_DATE = r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
# The date check keeps long order and account numbers out; the check digit is not verified
# because a mistyped ID number is still somebody's ID number.
_ID_18_DIGITS = rf"[1-9][0-9]{{5}}[ -]?(?:18|19|20)[0-9]{{2}}{_BIRTH_DATE}[ -]?[0-9]{{3}}[0-9Xx]"
_MOBILE_DIGITS = rf"(?:\(?(?:\+|00)?86\)?{_SEP})?1[3-9][0-9]{_SEP}[0-9]{{4}}{_SEP}[0-9]{{4}}"

_ADDRESS_CHARACTER = "[A-Za-z0-9._%+-]"
_EMAIL = re.compile(
    # Starting only where a run of address characters starts keeps a long run without an @ linear.
    rf"(?<!{_ADDRESS_CHARACTER})"
    # A phone or ID number written with spaces and glued to the @ (139 1234 5678@qq.com) is
    # taken whole, or its first groups would be left behind when the rest goes as an address.
    # 64 is the longest local part mail allows, and keeps the backtracking around the number linear.
    rf"(?:{_ADDRESS_CHARACTER}{{0,64}}(?:{_MOBILE_DIGITS}|{_ID_18_DIGITS}){_ADDRESS_CHARACTER}{{0,64}}|{_ADDRESS_CHARACTER}+)"
    r"@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}"
)

_ID_18 = re.compile(rf"{_NO_DIGIT_BEFORE}{_ID_18_DIGITS}{_NO_DIGIT_AFTER}")
_ID_15 = re.compile(rf"{_NO_DIGIT_BEFORE}[1-9][0-9]{{5}}[0-9]{{2}}{_BIRTH_DATE}[0-9]{{3}}{_NO_DIGIT_AFTER}")
_MOBILE = re.compile(rf"{_NO_DIGIT_BEFORE}{_MOBILE_DIGITS}{_NO_DIGIT_AFTER}")

_EXTENSION = r"(?:[ \t]?(?:-|转|分机|ext\.?|x)[ \t]?[0-9]{1,5}(?![0-9]))?"
_LOCAL_NUMBER = rf"[0-9]{{3,4}}{_SEP}[0-9]{{4}}"
# An area code starts with 0, which 400/800 service numbers (meant to be called) never do.
_LANDLINE = re.compile(
    rf"{_NO_DIGIT_BEFORE}(?:"
    rf"(?:\+|00)86{_SEP}\(?0?[1-9][0-9]{{1,2}}\)?"
    rf"|\(0[1-9][0-9]{{1,2}}\)|0[1-9][0-9]{{1,2}}"
    rf"){_SEP}{_LOCAL_NUMBER}{_NO_DIGIT_AFTER}{_EXTENSION}"
)
# Without an area code, 6543 2100 could be anything; after 电话 or Tel it is a number to call.
# The short gap allows 联系电话：, Tel: and 联系王阿姨 but no digits, so the first number after the
# word is the one taken (客服电话 400-820-8820 stays).
# Tel only as a word of its own: hotel 6543 2100 is not a number to call.
_CALL_WORD = r"电话|電話|手机|座机|固话|传真|联系|☎|(?<![A-Za-z])(?i:tel|phone|fax)"
_CALLED_NUMBER = re.compile(
    rf"(?P<keep>(?:{_CALL_WORD})[^0-9\n。!?;]{{0,8}}){_NO_DIGIT_BEFORE}{_LOCAL_NUMBER}{_NO_DIGIT_AFTER}{_EXTENSION}"
)

_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
# Plates never use I or O; at least one digit keeps words like 沪ABCDE out. Five characters
# for petrol cars, six for new-energy cars (沪AD12345), four and a suffix for learner, police,
# trailer, Hong Kong and Macau, consular and test plates.
_PLATE_SERIAL = r"(?=[A-HJ-NP-Z]*[0-9])(?:[A-HJ-NP-Z0-9]{5,6}|[A-HJ-NP-Z0-9]{4}[学警挂港澳领使试超])"
_PLATE = re.compile(
    rf"[{_PROVINCES}][ \t]?[A-HJ-NP-Z][ \t]?[·・•.\- ]?[ \t]?{_PLATE_SERIAL}(?![A-Za-z0-9])",
    re.IGNORECASE,
)

_CHINESE_NUMBER = "[一二三四五六七八九十百零〇两]"
_UNIT = rf"(?:[0-9]{{1,2}}|{_CHINESE_NUMBER}{{1,3}})[ \t]?单元"
# 3室1厅 describes a flat's layout, not which flat it is.
_NOT_LAYOUT = rf"(?![ \t]?(?:[0-9]|{_CHINESE_NUMBER})[ \t]?厅)"
# Building, stairwell and flat as 5-2-1302室; a bound on the groups keeps a long 1-1-1-… linear.
_ROOM_WITH_WORD = rf"(?:[0-9]{{1,4}}-){{0,3}}(?:[0-9]{{1,5}}[ \t]?室|[0-9]{{3,5}}[ \t]?房间?){_NOT_LAYOUT}"
# A bare number after a stairwell or building is a flat unless a unit of measure or a count
# follows it (5栋 2026年, 3号楼 120户, 5栋 300多户, 12号楼 500元).
_MEASURE = "年月日号元块角分万千百亿人位名户个次米平方多余左%‰室房厅层楼栋幢座辆份件天周岁期届A-Za-z"
_BARE_ROOM = rf"[0-9]{{3,4}}(?![0-9.]|[ \t]?[{_MEASURE}])"
_ROOM = re.compile(
    rf"{_NO_DIGIT_BEFORE}(?:{_UNIT}{_SEP})?{_ROOM_WITH_WORD}"
    rf"|{_NO_DIGIT_BEFORE}{_UNIT}{_SEP}{_BARE_ROOM}"
)
# Inside a lane (长阳路1080弄5号) the 号 is the house, as 号楼 is the building in an estate.
_BUILDING = (
    rf"(?<![0-9A-Za-z])(?:[0-9]{{1,4}}|{_CHINESE_NUMBER}{{1,4}}|[A-Za-z])[ \t]?(?:号楼|#楼|栋|幢|座)"
    r"|(?<=弄)[ \t]?[0-9]{1,4}[ \t]?号"
)
_BUILDING_ROOM = re.compile(rf"(?P<keep>(?:{_BUILDING}){_SEP}){_BARE_ROOM}")


# --- numbers whatever separates their digits ------------------------------------------------
# A number is read across any short run of punctuation or spaces (139.1234.5678, 139_1234_5678,
# 310101 1990 0101 123X) and in Chinese numerals (一三九…, 幺 for 1 as read aloud). Only whole
# digit groups count, so a window never splits 2026 or 1500; the digits of consecutive groups
# must then make exactly a mobile (optionally after 86) or an 18-character ID number.
_NUMERALS = {
    **{str(d): str(d) for d in range(10)},
    **dict(zip("〇零○一幺壹二两贰三叁四肆五伍六陆七柒八捌九玖",
               "00011122233445566778899", strict=True)),
}
# Digits and numerals make separate groups, so a window may start where they meet (三0086 139…).
_GROUP = re.compile(f"[0-9]+|[{''.join(c for c in _NUMERALS if not c.isascii())}]+")
# %, ‰ and @ end a number (13% / a@b) rather than separate its digits.
_NOT_SEPARATOR = "%‰@#"
_MAX_SEPARATOR_RUN = 5
_ID_WITHOUT_CHECK = re.compile(rf"[1-9][0-9]{{5}}(?:18|19|20)[0-9]{{2}}{_BIRTH_DATE}[0-9]{{3}}")
_MOBILE_WHOLE = re.compile(r"(?:0086|86)?1[3-9][0-9]{9}")
# The + or (+ of a country code belongs to the number it introduces.
_PLUS_BEFORE = re.compile(r"(?:\(?\+)$")
_ID_WHOLE = re.compile(rf"[1-9][0-9]{{5}}(?:18|19|20)[0-9]{{2}}{_BIRTH_DATE}[0-9]{{3}}[0-9X]")
# An old card's 15 digits: a two-digit year and no check character.
_ID_15_WHOLE = re.compile(rf"[1-9][0-9]{{5}}[0-9]{{2}}{_BIRTH_DATE}[0-9]{{3}}")
# 13,000,000,000 is an amount: thousands grouping with one mark throughout.
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?:\.[0-9]{3})+")
_FORMAT_EXTRAS = frozenset("\u20e3") | frozenset(map(chr, range(0xFE00, 0xFE10)))
_EMOJI_BUILDERS = ("\u200d", "\ufe0e", "\ufe0f", "\U000e007f")


def _is_separator(character: str) -> bool:
    if character in _NOT_SEPARATOR:
        return False
    return unicodedata.category(character)[0] in "PZ" or character in "+~|\t\n"


def _chains(text: str) -> list[list[re.Match[str]]]:
    """Runs of digit groups that only short runs of separators divide."""
    chains: list[list[re.Match[str]]] = []
    for group in _GROUP.finditer(text):
        if chains:
            gap = text[chains[-1][-1].end():group.start()]
            if len(gap) <= _MAX_SEPARATOR_RUN and all(map(_is_separator, gap)):
                chains[-1].append(group)
                continue
        chains.append([group])
    return chains


# The check character X may stand apart like any group (310101 19900101 123 X).
_CHECK_X = re.compile(rf"[^0-9A-Za-z%‰@#]{{0,{_MAX_SEPARATOR_RUN}}}[Xx]")


def _x_after(text: str, end: int) -> int | None:
    """Where the ID ends if a check X follows the digits ending at `end`."""
    found = _CHECK_X.match(text, end)
    if found and all(map(_is_separator, found.group()[:-1])):
        return found.end()
    return None


def _number_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every phone or ID number written across separators or in numerals."""
    spans: list[tuple[int, int, str]] = []
    for chain in _chains(text):
        start = 0
        while start < len(chain):
            found = _longest_number(text, chain, start)
            if found is None:
                start += 1
                continue
            stop, end, kind = found
            begin = chain[start].start()
            if kind == "phone" and (plus := _PLUS_BEFORE.search(text, 0, begin)):
                begin = plus.start()
            spans.append((begin, end, kind))
            start = stop + 1
    return spans


def _longest_number(text: str, chain: list[re.Match[str]], start: int) -> tuple[int, int, str] | None:
    best = None
    digits = ""
    listed = _counting(chain, start)
    for stop in range(start, len(chain)):
        digits += "".join(_NUMERALS[c] for c in chain[stop].group())
        if len(digits) > 18:
            break
        written = text[chain[start].start():chain[stop].end()]
        if _THOUSANDS.fullmatch(written) or listed[stop - start]:
            continue
        end = chain[stop].end()
        if len(digits) == 17 and (x_end := _x_after(text, end)) and _ID_WHOLE.fullmatch(digits + "X"):
            best = (stop, x_end, "id_number")
        elif _ID_WHOLE.fullmatch(digits) or _ID_WITHOUT_CHECK.fullmatch(digits):
            # Without its check character an ID is still an ID, and its 199… tail is no phone.
            best = (stop, end, "id_number")
        elif _MOBILE_WHOLE.fullmatch(digits):
            best = (stop, end, "phone")
        elif _ID_15_WHOLE.fullmatch(digits):
            best = (stop, end, "id_number")
    return best


def _counting(chain: list[re.Match[str]], start: int) -> list[bool]:
    """For each stop from `start`: whether chain[start..stop] numbers a list (第5、6、7、8、9、10、
    11、12、13、14号楼), at least three groups each one more than the last, whose digits run
    together could spell an old ID or a mobile but belong to no one."""
    counting, run, previous = [], True, None
    for position in range(start, len(chain)):
        run = run and len(chain[position].group()) <= 19
        value = int("".join(_NUMERALS[c] for c in chain[position].group())) if run else 0
        run = run and (previous is None or value == previous + 1)
        previous = value
        counting.append(run and position - start >= 2)
        if not run:
            # Once the list is broken it stays broken: the callers read no further stop as a list.
            counting += [False] * (len(chain) - position - 1)
            break
    return counting


def _mask_numbers(text: str) -> str:
    for start, end, kind in reversed(_number_spans(text)):
        text = text[:start] + MARKERS[kind] + text[end:]
    return text


# E-mail first: an address may hold a phone number (13912345678@163.com). ID numbers before
# phone numbers so no other rule sees their digits; call words after other numbers have gone,
# so a marker may sit in the gap (电话 13912345678 / 6543 2100).
_BEFORE_SEPARATED: tuple[tuple[re.Pattern[str], str], ...] = (
    (_EMAIL, MARKERS["email"]),
    (_ID_18, MARKERS["id_number"]),
    (_ID_15, MARKERS["id_number"]),
)
# Numbers across separators before the mobile rule, which could take three groups of an ID
# (310101 199 0010 1123X), and before the flat and building rules, which take a group.
_AFTER_SEPARATED: tuple[tuple[re.Pattern[str], str], ...] = (
    (_MOBILE, MARKERS["phone"]),
    (_LANDLINE, MARKERS["phone"]),
    (_CALLED_NUMBER, MARKERS["phone"]),
    (_PLATE, MARKERS["plate"]),
    (_ROOM, MARKERS["address"]),
    (_BUILDING_ROOM, MARKERS["address"]),
)


@cache
def _emoji_parts() -> re.Pattern[str]:
    """The invisible characters an emoji is built with, where it needs them: a joiner between
    two pictographs (👨‍👩‍👧), a presentation selector after one (❤️), the tags of a subdivision
    flag after 🏴. Intake (visible_text.py) allows the same and nothing else. None of them can
    stand inside a number: a pictograph is no separator, so it ends a run of digit groups."""
    pictograph = "[" + "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in code_points(PICTOGRAPHIC)) + "]"
    return re.compile(
        f"(?<={pictograph})[\ufe0e\ufe0f]"
        f"|\u200d(?:(?<={pictograph}\u200d)|(?<={pictograph}[\ufe0f\U0001f3fb-\U0001f3ff]\u200d))(?={pictograph})"
        "|(?<=\U0001f3f4)[\U000e0061-\U000e007a]{2}[\U000e0030-\U000e0039\U000e0061-\U000e007a]{1,4}\U000e007f"
    )


def _invisible(character: str) -> bool:
    return unicodedata.category(character) == "Cf" or character in _FORMAT_EXTRAS


def _normalise(text: str) -> str:
    # Format characters (zero-width space, joiners, direction marks) and variation selectors
    # are invisible, so a reader sees 139​1234​5678 as one number: they go before matching,
    # except where an emoji is built with them, which they leave as the resident wrote it.
    text = unicodedata.normalize("NFKC", text)
    if text.isascii():
        return text
    kept: set[int] = set()
    if any(c in text for c in _EMOJI_BUILDERS):
        kept = {i for found in _emoji_parts().finditer(text) for i in range(found.start(), found.end())}
    return "".join(c for i, c in enumerate(text) if i in kept or not _invisible(c))


def _replace(pattern: re.Pattern[str], marker: str, text: str) -> str:
    if "keep" in pattern.groupindex:
        return pattern.sub(lambda found: found["keep"] + marker, text)
    return pattern.sub(marker, text)


def scrub(text: str) -> str:
    """`text` in NFKC form with every phone, ID number, e-mail address, plate and flat replaced by its marker."""
    text = _normalise(text)
    # One pass can uncover a find for a rule that already ran (a call word whose number sat
    # behind a plate), so passes repeat until nothing changes. Each replacement removes at
    # least one digit, numeral or @, which markers never contain, so the loop ends.
    while True:
        scrubbed = text
        for pattern, marker in _BEFORE_SEPARATED:
            scrubbed = _replace(pattern, marker, scrubbed)
        scrubbed = _mask_numbers(scrubbed)
        for pattern, marker in _AFTER_SEPARATED:
            scrubbed = _replace(pattern, marker, scrubbed)
        scrubbed = _normalise(scrubbed)
        if scrubbed == text:
            return text
        text = scrubbed


def contains_personal_data(text: str) -> bool:
    """Whether `scrub` would change anything but the normal form of `text`."""
    normalised = _normalise(text)
    rules = _BEFORE_SEPARATED + _AFTER_SEPARATED
    return any(pattern.search(normalised) for pattern, _ in rules) or bool(_number_spans(normalised))


_MOBILE_PREFIX = re.compile(r"1[3-9][0-9]{8}")


@dataclass(frozen=True)
class Doubt:
    """A number in scrubbed text that is nearly a phone or ID number: what it nearly is
    (a key of MARKERS) and where it stands in the scrubbed text."""

    kind: str
    start: int
    end: int


def _near_miss(digits: str, written: str) -> str | None:
    """What an ID or a mobile with one digit missing or one too many, as a slip of the pen leaves it, would be."""
    if len(digits) in (17, 19):
        found = any(_ID_WITHOUT_CHECK.match(digits, offset) for offset in range(len(digits) - 16))
        return "id_number" if found else None
    if len(digits) == 16:
        # An old card's 15 digits and one over (a bank card's 16 digits may match too: held back as well).
        return "id_number" if any(_ID_15_WHOLE.fullmatch(digits, offset, offset + 15) for offset in (0, 1)) else None
    # A plain run of ten or twelve digits is some other number; grouped or in numerals it reads
    # like a phone. Times (13:30-15:30 16:00) and amounts (1,300,000,000) are not.
    looks_written = written != digits and ":" not in written and not _THOUSANDS.fullmatch(written)
    if len(digits) in (10, 12) and looks_written:
        return "phone" if any(_MOBILE_PREFIX.match(digits, offset) for offset in (0, len(digits) - 10)) else None
    return None


def doubts(text: str) -> list[Doubt]:
    """Every number that `scrub` leaves in `text` and that is nearly a phone or ID number, in
    the scrubbed text's positions; the longest from each place, without overlaps."""
    scrubbed = scrub(text)
    found: list[Doubt] = []
    for chain in _chains(scrubbed):
        start = 0
        while start < len(chain):
            digits, best, listed = "", None, _counting(chain, start)
            for stop in range(start, len(chain)):
                digits += "".join(_NUMERALS[c] for c in chain[stop].group())
                if len(digits) > 19:
                    break
                written = scrubbed[chain[start].start():chain[stop].end()]
                if not listed[stop - start] and (kind := _near_miss(digits, written)):
                    best = (stop, Doubt(kind, chain[start].start(), chain[stop].end()))
            if best is None:
                start += 1
                continue
            found.append(best[1])
            start = best[0] + 1
    return found


def doubtful(text: str) -> bool:
    """Whether what `scrub` leaves of `text` still holds a number that is nearly a phone or ID
    number; such text is held back from publication rather than published in doubt."""
    return bool(doubts(text))


def masked_doubts(text: str) -> str:
    """`text` scrubbed, each doubtful number shown as its first three and last two digits, for
    the reviewer who decides whether it may be published (139*****67)."""
    scrubbed = scrub(text)
    for doubt in reversed(doubts(text)):
        digits = "".join(_NUMERALS.get(c, "") for c in scrubbed[doubt.start:doubt.end])
        scrubbed = scrubbed[:doubt.start] + digits[:3] + "*" * (len(digits) - 5) + digits[-2:] + scrubbed[doubt.end:]
    return scrubbed
