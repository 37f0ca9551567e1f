"""Text normalisation for matching, with a map back to the original offsets.

Rules (dates, places) run on a normalised copy of an article: traditional
characters converted to simplified with OpenCC, pinyin glosses such as
``區(qū)`` removed, full-width digits, letters and punctuation folded to ASCII.
Every offset found in the normalised copy is mapped back to the decoded
original with :meth:`NormalizedText.to_original`, so evidence always points
into the text the user gave us.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["NormalizedText", "normalize", "to_simplified"]

# A pinyin gloss is a parenthesised, lower-case syllable carrying a tone mark,
# written straight after a Han character: 區(qū), 發(fā), 來(lái). Requiring a tone
# mark keeps ordinary Latin text in brackets, e.g. "(HIV)", untouched.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
_PINYIN_GLOSS = re.compile(
    r"(?<=[\u3400-\u9fff])[(（][a-z]{0,6}[" + _TONED + r"][a-z" + _TONED + r"]{0,6}[)）]"
)
# Characters folded one to one: full-width ASCII (FF01-FF5E), the
# ideographic space and the no-break space.
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20
_FOLD[0xA0] = 0x20  # no-break space, common in pasted web text
_FOLD_TABLE = {k: chr(v) for k, v in _FOLD.items()}
# Variant forms (异体字) of place names' characters that OpenCC's t2s leaves as they are: 陜西 (陕西), 峩边 (峨边),
# 窰 (窑), 鑛 (矿), 隣 (邻), 塲 (场). One character for one, so offsets stay.
VARIANTS = {"陜": "陕", "峩": "峨", "窰": "窑", "鑛": "矿", "隣": "邻", "塲": "场", "衞": "卫", "厰": "厂"}
_FOLD_TABLE.update({ord(k): v for k, v in VARIANTS.items()})

# OpenCC converts phrase by phrase; splitting at line breaks and sentence
# punctuation keeps chunks small, so a rare length change stays local.
_CHUNK = re.compile(r"[^\n。！？!?；;]*[\n。！？!?；;]?")


@lru_cache(maxsize=1)
def _converter():
    import opencc  # imported lazily: loading the dictionaries costs ~50 ms

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Return ``text`` converted from traditional to simplified characters.

    The result has exactly the same length as ``text``: where OpenCC's phrase
    conversion would change the length of a chunk, that chunk is converted
    character by character instead.
    """
    if not text:
        return text
    conv = _converter().convert
    whole = conv(text)
    if len(whole) == len(text):
        return whole
    parts = []
    for chunk in _CHUNK.findall(text):
        out = conv(chunk)
        if len(out) != len(chunk):
            out = "".join(c if len(c2 := conv(c)) != 1 else c2 for c in chunk)
        parts.append(out)
    return "".join(parts)


@dataclass(frozen=True)
class NormalizedText:
    """A normalised copy of ``original`` and the map between the two.

    ``index[i]`` is the offset in ``original`` of the character ``text[i]``;
    ``index[len(text)]`` is ``len(original)``.
    """

    original: str
    text: str
    index: array  # array('q'): compact even for a 5 MB article

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalised span ``[start, end)`` to original offsets."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} is outside a text of {len(self.text)} characters")
        if start == end:
            pos = self.index[start]
            return pos, pos
        return self.index[start], self.index[end - 1] + 1

    def original_slice(self, start: int, end: int) -> str:
        """The original text behind the normalised span ``[start, end)``."""
        a, b = self.to_original(start, end)
        return self.original[a:b]


def normalize(original: str) -> NormalizedText:
    """Normalise ``original`` for matching and keep the offset map.

    Steps: pinyin glosses removed; traditional to simplified (OpenCC t2s);
    full-width ASCII folded. Only the gloss removal changes the length.
    """
    kept: list[str] = []
    index = array("q")
    pos = 0
    for m in _PINYIN_GLOSS.finditer(original):
        kept.append(original[pos : m.start()])
        index.extend(range(pos, m.start()))
        pos = m.end()
    kept.append(original[pos:])
    index.extend(range(pos, len(original)))
    stripped = "".join(kept)
    text = to_simplified(stripped).translate(_FOLD_TABLE)
    index.append(len(original))
    return NormalizedText(original=original, text=text, index=index)
