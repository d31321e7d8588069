"""How text in each language becomes search terms, the same way for pages and for queries.

The database engines index the terms made here, so a reader's query and the indexed text
go through one analyser: folding (case, Unicode forms, Arabic-script and Ethiopic letter
variants, native digits), word segmentation for scripts written without spaces (CJK
n-grams), and Snowball stemming where the language has a stemmer.
"""

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex
import snowballstemmer

# Snowball algorithms of our locales; Chinese is segmented instead and Amharic only folded.
SNOWBALL_ALGORITHMS = {
    "en": "english",
    "ru": "russian",
    "pt": "portuguese",
    "ar": "arabic",
    "hi": "hindi",
    "fa": "persian",
}
# Amharic writes "of", "in", "for" and "from" as a letter joined to the next word
# (የኢትዮጵያ "of Ethiopia"): the indexed text also holds the word without it.
AMHARIC_PREFIXES = "የበለከ"
# Longer "words" are pasted URLs or junk; they would only bloat the index.
MAX_TERM_LENGTH = 40

WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:\u200c[\p{L}\p{M}\p{N}]+)*")
# Scripts written without spaces between words: segmented into overlapping n-grams.
UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+")
# Harakat, Quranic marks and the tatweel: writers use them inconsistently.
ARABIC_MARKS = regex.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Letter variants folded to the forms each language's stemmer expects: Arabic readers type
# Persian yeh and kaf and the reverse, and hamza seats vary between writers.
_HAMZA_SEATS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ۀ": "ه", "\u200c": ""}
ARABIC_LETTERS = str.maketrans({**_HAMZA_SEATS, "ی": "ي", "ى": "ي", "ک": "ك", "ئ": "ي"})
PERSIAN_LETTERS = str.maketrans({**_HAMZA_SEATS, "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه"})


def _ethiopic_homophones():
    # Amharic spells the same sound with several letter series (ሀ/ሐ/ኀ, ሰ/ሠ, አ/ዐ, ጸ/ፀ);
    # readers type either, so every series folds to the common one, order by order.
    table = {}
    for variant, common, orders in (
        (0x1210, 0x1200, 8),
        (0x1280, 0x1200, 8),
        (0x1220, 0x1230, 8),
        (0x12D0, 0x12A0, 7),
        (0x1340, 0x1338, 7),
    ):
        for order in range(orders):
            table[variant + order] = common + order
    return table


ETHIOPIC_LETTERS = _ethiopic_homophones()


def fold(word, language=""):
    """The form of a word that matching compares: case, width, marks and variants folded."""
    word = unicodedata.normalize("NFKC", word).casefold()
    letters = PERSIAN_LETTERS if language == "fa" else ARABIC_LETTERS
    word = ARABIC_MARKS.sub("", word).translate(letters).translate(ETHIOPIC_LETTERS)
    # Native digits (Arabic-Indic, Persian, Devanagari...) match the Latin ones.
    if not word.isascii():
        word = "".join(
            str(unicodedata.digit(char)) if unicodedata.category(char) == "Nd" else char
            for char in word
        )
    return word


def ngrams(run):
    """Single characters and overlapping pairs of a run of unspaced script."""
    return list(run) + [run[i : i + 2] for i in range(len(run) - 1)]


def query_ngrams(run):
    """What a query's run of unspaced script must match: its pairs (or the lone character)."""
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


@lru_cache(maxsize=16)
def _stemmer(algorithm):
    return snowballstemmer.stemmer(algorithm)


@lru_cache(maxsize=200_000)
def stem(language, word):
    algorithm = SNOWBALL_ALGORITHMS.get(language)
    if algorithm is None:
        return word
    return _stemmer(algorithm).stemWord(word)


@dataclass(frozen=True)
class Analyzer:
    """Turns text of one language into terms; `stem=False` leaves stemming to the engine."""

    language: str
    stem: bool = True

    def word_terms(self, word, for_query=False):
        """The terms one word of text stands for."""
        return _word_terms(self, word, for_query)

    def _analyse_word(self, word, for_query):
        folded = fold(word, self.language)
        terms = []
        position = 0
        for run in UNSPACED.finditer(folded):
            terms += self._spaced_terms(folded[position : run.start()], for_query)
            terms += query_ngrams(run.group()) if for_query else ngrams(run.group())
            position = run.end()
        terms += self._spaced_terms(folded[position:], for_query)
        return terms

    def _spaced_terms(self, text, for_query):
        terms = []
        for word in WORD.findall(text):
            if len(word) > MAX_TERM_LENGTH:
                continue
            terms.append(stem(self.language, word) if self.stem else word)
            if (
                self.language == "am"
                and not for_query
                and len(word) > 3
                and word[0] in AMHARIC_PREFIXES
            ):
                terms.append(word[1:])
        return terms

    def terms(self, text, for_query=False):
        """Every term of a text, in order (duplicates kept: engines weigh frequency)."""
        terms = []
        for match in WORD.finditer(text or ""):
            terms += self.word_terms(match.group(), for_query=for_query)
        return terms

    def query_terms(self, text):
        """A query's distinct terms, in the reader's order."""
        return list(dict.fromkeys(self.terms(text, for_query=True)))

    def words(self, text):
        """(start, end, terms) of every word of a text, for highlighting."""
        for match in WORD.finditer(text or ""):
            yield match.start(), match.end(), self.word_terms(match.group())


# Words repeat across a newsroom's texts: each is analysed once per language and use.
@lru_cache(maxsize=500_000)
def _word_terms(analyser, word, for_query):
    return analyser._analyse_word(word, for_query)


@lru_cache(maxsize=32)
def analyzer(language, stem=True):
    return Analyzer(language, stem)
