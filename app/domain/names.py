"""Keys for comparing and searching Ukrainian text: people's names, addresses, titles.

Why: SQLite's ``lower()``, ``LIKE`` and ``NOCASE`` fold ASCII letters only, so
"Петренко" and "ПЕТРЕНКО" differ for them. Services store a precomputed key
column and compare keys instead.

What a key unifies:

* case, with full Unicode case folding (``str.casefold``);
* Unicode normalisation (NFC), so a "й" or "ї" typed as a letter plus a
  combining mark (some Mac and phone keyboards) equals the precomposed letter;
* apostrophe look-alikes (’ ' ʼ ` ´ ‘ ‛ ′ ＇ and the modifier letter U+02BC, which
  Unicode recommends for Ukrainian) → the ASCII ``'``, since clerks type
  whichever their keyboard gives: "Мар’яна" = "Мар'яна" = "МАРʼЯНА";
* hyphen look-alikes in double surnames (‐ ‑ ‒ –) → ``-``;
* whitespace: trimmed, and any run (non-breaking spaces included) → one space.

What it deliberately does not do: map Latin look-alike letters (Latin "i", "a",
"o", "c", "p"... typed in a Cyrillic name) to Cyrillic, drop apostrophes, or
fold "ґ" into "г". Each would merge names that really differ (a name written in
Latin transliteration, "Гудзь" and "Ґудзь") and make a duplicate check report
false matches; mixed-script input is better flagged to the clerk than silently
merged.
"""

from __future__ import annotations

import unicodedata

APOSTROPHE = "'"

_APOSTROPHE_VARIANTS = (
    "\u2019",  # ’ right single quotation mark (Word, phones)
    "\u02bc",  # ʼ modifier letter apostrophe (the Unicode recommendation for Ukrainian)
    "\u0060",  # ` grave accent (the key next to 1 on many layouts)
    "\u00b4",  # ´ acute accent
    "\u2018",  # ‘ left single quotation mark
    "\u201b",  # ‛ single high-reversed-9 quotation mark
    "\u2032",  # ′ prime
    "\u02b9",  # ʹ modifier letter prime
    "\uff07",  # ＇ fullwidth apostrophe
)
_HYPHEN_VARIANTS = ("\u2010", "\u2011", "\u2012", "\u2013")
_TRANSLATION = str.maketrans(
    {**dict.fromkeys(_APOSTROPHE_VARIANTS, APOSTROPHE), **dict.fromkeys(_HYPHEN_VARIANTS, "-")}
)


def search_key(text: str) -> str:
    """A case-insensitive key for search columns: fold case, unify apostrophes and hyphens, collapse whitespace.

    Store ``search_key(value)`` beside the value and match it against
    ``search_key(query)``, e.g. with ``LIKE``; the key keeps ``%`` and ``_`` as
    typed, so escape them in the query as for any ``LIKE`` pattern.
    """
    # Unify punctuation first: NFC would not touch these, and casefold leaves them alone.
    unified = text.translate(_TRANSLATION)
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFD", unified).casefold())
    return " ".join(folded.split())


def normalize_person_name(text: str) -> str:
    """The form of a person's name used to detect duplicates ("ПЕТРЕНКО  Мар’яна" = "петренко мар'яна").

    Same rules as :func:`search_key` (see the module docstring for what is
    and is not unified); a separate function so the two can diverge without
    touching callers.
    """
    return search_key(text)


__all__ = ["APOSTROPHE", "normalize_person_name", "search_key"]
