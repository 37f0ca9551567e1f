"""Decoding an article's bytes: UTF-8, UTF-16 with a BOM, GB18030, and — where that is not conclusive —
Big5 or Shift-JIS as charset-normalizer detects them.

GB18030 decodes almost any byte string, so "it decodes" proves nothing: Big5 bytes read as GB18030
give scrambled characters (對口支援 → 癸や穿). GB18030 is taken as conclusive only when nearly all of
its Han characters are common simplified ones (GB2312) and it has no kana; otherwise charset-normalizer
chooses among the encodings Chinese news comes in, and text it cannot place is refused with a message,
never returned scrambled.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from timeline.errors import DecodeError, EmptyDocumentError

__all__ = ["decode_bytes", "DETECTED_ENCODINGS"]

# Signatures of common binary formats, so an image gets "binary", not "encoding".
_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"BM")
# What charset-normalizer may choose from, and the names we give them in messages.
DETECTED_ENCODINGS = {"gb18030": "GB18030", "big5": "Big5", "big5hkscs": "Big5-HKSCS", "shift_jis": "Shift-JIS",
                      "cp932": "Shift-JIS"}
_SAMPLE_CHARS = 20_000
_NOT_SPACE = re.compile(r"\S")
_NOT_SPACE_BYTES = re.compile(rb"\S")
_MAX_UNCOMMON_SHARE = 0.02  # of Han characters outside GB2312 in a conclusive GB18030 reading
_MAX_CHAOS = 0.25  # charset-normalizer's mess ratio above which a detection is not trusted


def _looks_like_text(text: str) -> bool:
    """True when ``text`` is mostly letters, CJK, digits, punctuation and spacing."""
    sample = text[:_SAMPLE_CHARS]
    bad = 0
    for ch in sample:
        cat = unicodedata.category(ch)
        if (cat == "Cc" and ch not in "\t\n\r\f\v") or cat in ("Co", "Cn", "Cs"):
            bad += 1
    return bad <= max(2, len(sample) // 200)


def _is_plain_simplified(text: str) -> bool:
    """True when the Han characters of ``text`` are nearly all in GB2312 and there is no kana:
    a GB18030 reading that needs no second opinion."""
    han = uncommon = 0
    for ch in text[:_SAMPLE_CHARS]:
        if ch < "\u3000":
            continue
        if "\u3040" <= ch <= "\u30ff":  # hiragana, katakana: Big5 or Shift-JIS misread as GB18030
            return False
        if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff":
            han += 1
            try:
                ch.encode("gb2312")
            except UnicodeEncodeError:
                uncommon += 1
    return uncommon <= _MAX_UNCOMMON_SHARE * han


def _detect(raw: bytes, name: str) -> str:
    """Decode with charset-normalizer's choice among :data:`DETECTED_ENCODINGS`.

    Raises:
        DecodeError: no trustworthy choice.
    """
    from charset_normalizer import from_bytes  # loaded only for the rare file that needs it

    best = from_bytes(raw, cp_isolation=list(DETECTED_ENCODINGS)).best()
    if best is not None and best.encoding in DETECTED_ENCODINGS and best.chaos <= _MAX_CHAOS:
        try:
            text = raw.decode(best.encoding)
        except UnicodeDecodeError:
            text = ""
        if text and _looks_like_text(text):
            return text
    looks = DETECTED_ENCODINGS.get(best.encoding, best.encoding) if best else ""
    guess = f" (it looks most like {looks})" if looks else ""
    raise DecodeError(
        f"{name}: the file's encoding cannot be told for sure{guess}; it is not UTF-8, GB18030, Big5 or "
        "Shift-JIS text; save it as UTF-8 and try again.",
        path=name, code="file.encoding_unclear", name=name,
    )


def decode_bytes(raw: bytes, *, name: str = "<bytes>") -> str:
    """Decode an article's bytes: UTF-8 (BOM optional), UTF-16 with a BOM, GB18030, Big5 or Shift-JIS.

    Raises:
        EmptyDocumentError: nothing but whitespace (a byte-order mark alone included).
        DecodeError: binary data, or text whose encoding cannot be told for sure.
    """
    text = _decode(raw, name)
    if not _NOT_SPACE.search(text):
        raise EmptyDocumentError(f"{name}: the file holds no text (only spaces or a byte-order mark); "
                                 "nothing to read.", path=name, code="file.blank", name=name)
    return text


def _decode(raw: bytes, name: str) -> str:
    if not _NOT_SPACE_BYTES.search(raw):  # a search, not strip(): no copy of a 50 MB file
        raise EmptyDocumentError(f"{name}: the file is empty; nothing to read.", path=name, code="file.empty",
                                 name=name)
    if raw.startswith(_MAGIC):
        raise DecodeError(
            f"{name}: this is a binary file (an image, PDF or archive), not an article; "
            "save the article's text as a .txt or .html file.",
            path=name, code="file.binary", name=name,
        )
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            text = ""
        if text and _looks_like_text(text):
            return text
        raise DecodeError(f"{name}: the file starts like UTF-16 text but is not; save it as UTF-8.", path=name,
                          code="file.bad_utf16", name=name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_like_text(text):
            return text
        raise DecodeError(
            f"{name}: the file is not text (control characters throughout; it may be binary); "
            "save the article as UTF-8 text.",
            path=name, code="file.control_characters", name=name,
        )
    if b"\x00" in raw[:_SAMPLE_CHARS]:
        raise DecodeError(f"{name}: a binary file (it holds NUL bytes), not an article; save it as UTF-8 text.",
                          path=name, code="file.nul_bytes", name=name)
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return _detect(raw, name)
    if _looks_like_text(text) and _is_plain_simplified(text):
        return text
    return _detect(raw, name)
