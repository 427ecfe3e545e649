"""Extraction of dated obligations from contract text, Chinese and English.

`extract(text)` detects the language and runs that language's pipeline (`zh/` or `en/`); both produce the
same `Extraction` (see obligations.model). Deterministic, offline, linear in the text length.
"""

from __future__ import annotations

import re
import string

from obligations.model import ExtractedObligation, Extraction

# runs, not single letters: the regex engine counts them and the list to build is a word's, not a letter's
HAN_RUN = re.compile("[\u4e00-\u9fff]+")
# every byte but the ASCII letters: deleting them from the text's ASCII bytes leaves the Latin letters to count
_NOT_LATIN = bytes(sorted(set(range(256)) - set(string.ascii_letters.encode())))


def detect_language(text: str) -> str:
    """ "zh" when Chinese characters make up a real share of the text's letters, else "en"."""
    sample = text[:20000]
    han = sum(map(len, HAN_RUN.findall(sample)))
    latin = len(sample.encode("ascii", "ignore").translate(None, _NOT_LATIN))
    return "zh" if han * 4 >= latin else "en"


def extract(text: str) -> Extraction:
    from dataclasses import replace

    from obligations.extract.wording import apply_wording

    if detect_language(text) == "zh":
        from obligations.extract.zh import extract_zh

        result = extract_zh(text)
    else:
        from obligations.extract.en import extract_en

        result = extract_en(text)
    return replace(
        result, obligations=[_quote_holds_phrase(text, apply_wording(text, ob)) for ob in result.obligations]
    )


def _quote_holds_phrase(text: str, ob: ExtractedObligation) -> ExtractedObligation:
    """The review screen highlights the phrase inside its quote: when a phrase runs past a sentence end (a
    wrapped line, "工期:90\n日历天"), the quote widens to hold it rather than cut the deadline in two."""
    quote_end = ob.quote_start + len(ob.quote)
    if ob.quote_start <= ob.start and ob.end <= quote_end:
        return ob
    from dataclasses import replace

    start, end = min(ob.quote_start, ob.start), max(quote_end, ob.end)
    return replace(ob, quote=text[start:end], quote_start=start)
