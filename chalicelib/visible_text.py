"""Text from outside may not carry characters a reader cannot see.

Bidi overrides make a case's title read differently on a screen than in a notice or an
export (a "Trojan Source" for residents' text), zero-width characters make two names
that look alike differ, NUL and other controls break CSV exports and SMS gateways, and a
lone surrogate cannot even be stored as UTF-8. So every string in a request is refused
when it holds a control character (Cc) other than tab, line feed and carriage return, a
format character (Cf), a line or paragraph separator (Zl, Zp) or a surrogate (Cs).

Two kinds of format character are part of ordinary emoji and stay allowed, only where an
emoji needs them: the zero-width joiner (U+200D) between two pictographs, which builds
👨‍👩‍👧 or 👩🏽‍💻 from their parts, and the tag characters that spell a subdivision flag
after 🏴 (England, Scotland, Wales). Variation selectors and skin tones are marks and
symbols, not format characters, and pass anyway.

The tables are literal so that nothing is computed from `unicodedata` at import (cold
start); tests/unit/test_text_fields.py holds them to the Unicode database.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeAlias

# Cc (less \t \n \r), Cf, Zl, Zp and Cs, as hexadecimal code points and ranges.
REFUSED = """
0-8 b-c e-1f 7f-9f ad 600-605 61c 6dd 70f 890-891 8e2 180e 200b-200f 2028-202e 2060-2064
2066-206f d800-dfff feff fff9-fffb 110bd 110cd 13430-1343f 1bca0-1bca3 1d173-1d17a e0001
e0020-e007f
"""

# Extended_Pictographic (Unicode emoji-data): what a zero-width joiner may stand between.
PICTOGRAPHIC = """
a9 ae 203c 2049 2122 2139 2194-2199 21a9-21aa 231a-231b 2328 23cf 23e9-23f3 23f8-23fa 24c2 25aa-25ab
25b6 25c0 25fb-25fe 2600-2604 260e 2611 2614-2615 2618 261d 2620 2622-2623 2626 262a 262e-262f
2638-263a 2640 2642 2648-2653 265f-2660 2663 2665-2666 2668 267b 267e-267f 2692-2697 2699 269b-269c
26a0-26a1 26a7 26aa-26ab 26b0-26b1 26bd-26be 26c4-26c5 26c8 26ce-26cf 26d1 26d3-26d4 26e9-26ea
26f0-26f5 26f7-26fa 26fd 2702 2705 2708-270d 270f 2712 2714 2716 271d 2721 2728 2733-2734 2744 2747
274c 274e 2753-2755 2757 2763-2764 2795-2797 27a1 27b0 27bf 2934-2935 2b05-2b07 2b1b-2b1c 2b50 2b55
3030 303d 3297 3299 1f004 1f02c-1f02f 1f094-1f09f 1f0af-1f0b0 1f0c0 1f0cf-1f0d0 1f0f6-1f0ff
1f170-1f171 1f17e-1f17f 1f18e 1f191-1f19a 1f1af-1f1e5 1f201-1f20f 1f21a 1f22f 1f232-1f23a
1f23c-1f23f 1f249-1f25f 1f266-1f321 1f324-1f393 1f396-1f397 1f399-1f39b 1f39e-1f3f0 1f3f3-1f3f5
1f3f7-1f3fa 1f400-1f4fd 1f4ff-1f53d 1f549-1f54e 1f550-1f567 1f56f-1f570 1f573-1f57a 1f587
1f58a-1f58d 1f590 1f595-1f596 1f5a4-1f5a5 1f5a8 1f5b1-1f5b2 1f5bc 1f5c2-1f5c4 1f5d1-1f5d3
1f5dc-1f5de 1f5e1 1f5e3 1f5e8 1f5ef 1f5f3 1f5fa-1f64f 1f680-1f6c5 1f6cb-1f6d2 1f6d5-1f6e5 1f6e9
1f6eb-1f6f0 1f6f3-1f6ff 1f7dc-1f7f0 1f80c-1f80f 1f848-1f84f 1f85a-1f85f 1f888-1f88f 1f8ae-1f8af
1f8bc-1f8bf 1f8c2-1f8cf 1f8d9-1f8ff 1f90c-1f93a 1f93c-1f945 1f947-1f9ff 1fa58-1fa5f 1fa6e-1faff
1fc00-1fffd
"""


def code_points(table: str) -> Iterator[tuple[int, int]]:
    for token in table.split():
        first, _, last = token.partition("-")
        yield int(first, 16), int(last or first, 16)


def _char_class(table: str) -> str:
    return "[" + "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in code_points(table)) + "]"


# A pictograph may carry a presentation selector (❤️) or a skin tone (👩🏽) before the joiner.
_STYLE = "[\\ufe0f\\U0001f3fb-\\U0001f3ff]"


def _split(table: str) -> tuple[str, str]:
    """The ranges of `table` below and above U+FFFF."""
    tokens = table.split()
    return (" ".join(t for t in tokens if int(t.split("-")[0], 16) <= 0xFFFF),
            " ".join(t for t in tokens if int(t.split("-")[0], 16) > 0xFFFF))


# Nearly all text holds none of these, so the first search is the whole cost: a few
# nanoseconds a character for ASCII and for a class of the Basic Multilingual Plane, which
# `re` tests with a bitmap. A class of higher code points is tested range by range, ten
# times slower, so above U+FFFF only the characters in the one span that holds every
# refused one (and most emoji) are looked at.
_BMP, _ASTRAL = _split(REFUSED)
_ASCII_SUSPECT = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]")
_BMP_SUSPECT = re.compile(_char_class(_BMP))
_ASTRAL_SPAN = re.compile("[\\U000110bd-\\U000e007f]")
_ASTRAL_REFUSED = re.compile(_char_class(_ASTRAL))


# The emoji sequences that may use a joiner or tags; each begins with a literal, so that
# looking for them costs little more than looking for that character. Compiled on first
# need: its classes of pictographs take longer to compile than the rest of the module
# takes to import, and few requests hold a joiner.
@cache
def _allowed() -> re.Pattern[str]:
    pictograph = _char_class(PICTOGRAPHIC)
    return re.compile(
        "\U0001f3f4[\U000e0061-\U000e007a]{2}[\U000e0030-\U000e0039\U000e0061-\U000e007a]{1,4}\U000e007f"
        f"|\u200d(?:(?<={pictograph}\u200d)|(?<={pictograph}{_STYLE}\u200d))(?={pictograph})"
    )


def _first_suspect(text: str) -> int | None:
    if text.isascii():
        found = _ASCII_SUSPECT.search(text)
        return found.start() if found else None
    found = _BMP_SUSPECT.search(text)
    end = found.start() if found else len(text)
    for candidate in _ASTRAL_SPAN.finditer(text, 0, end):
        if _ASTRAL_REFUSED.match(candidate.group()):
            return candidate.start()
    return found.start() if found else None


def first_hidden(text: str) -> int | None:
    """The position of the first character `text` may not hold, or None."""
    position = _first_suspect(text)
    if position is not None and ("\u200d" in text or "\U000e007f" in text):
        # Blanked out rather than removed, so that positions stay those of the text sent.
        position = _first_suspect(_allowed().sub(lambda allowed: " " * len(allowed.group()), text))
    return position


@dataclass(frozen=True)
class Hidden:
    path: tuple[str | int, ...]
    position: int
    character: str

    @property
    def code(self) -> str:
        return f"U+{ord(self.character):04X}"


# A step down into parsed JSON: the step to its parent (None at the top) and the index or key.
_Step: TypeAlias = tuple["_Step | None", str | int]


def find_hidden(value: Any) -> Hidden | None:
    """The first refused character in a string, or in the strings (keys too) of parsed
    JSON: lists, tuples and objects. Iterative, and each step links to its parent instead
    of copying the path, so that deeply nested input costs neither stack nor time."""
    pending: list[tuple[_Step | None, Any]] = [(None, value)]
    while pending:
        step, item = pending.pop()
        if isinstance(item, str):
            position = first_hidden(item)
            if position is not None:
                return Hidden(_path(step), position, item[position])
        elif isinstance(item, (list, tuple)):
            pending.extend(((step, index), element) for index, element in reversed(list(enumerate(item))))
        elif isinstance(item, dict):
            for key, element in reversed(list(item.items())):
                pending.append(((step, key) if isinstance(key, str | int) else step, element))
                if isinstance(key, str):
                    pending.append(((step, key), key))
    return None


def _path(step: _Step | None) -> tuple[str | int, ...]:
    parts: list[str | int] = []
    while step is not None:
        step, part = step
        parts.append(part)
    return tuple(reversed(parts))
