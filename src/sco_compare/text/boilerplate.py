"""Site chrome: navigation crumbs, headlines, bylines, contact lines, prompts to the reader,
teasers, captions and credits, site notices: told by their shape and by general cues, never by
a list of one site's strings."""

from __future__ import annotations

import re
from dataclasses import replace

from sco_compare.models import Sentence
from sco_compare.text.clean import has_word
from sco_compare.text.normalize import STOPWORDS, UNSPACED, fold

STOPS = ".!?…。！？｡"
"""Characters that end a sentence ..."""
CLOSERS = "\"'”’)\\]」』）"
"""... and what may follow them (closing quotes and brackets), in a regular expression's class."""
ENDS_SENTENCE = re.compile(rf"[{STOPS}][{CLOSERS}]*$|[\"”’」』]$")

# In scripts written without spaces between words, two characters count as a word.
UNSPACED_CHARACTER = re.compile(f"[{UNSPACED}]")

# An address starts a word (no backtracking into long tokens: linear time on any input).
_EMAIL_OR_URL = re.compile(r"(?<![^\s@])[^\s@]+@[^\s@]+\.\w+|https?://|www\.\w")
_BYLINE = re.compile(r"^(by|from|photo|image|source|credit|contact|reporter)\b", re.IGNORECASE)

_CHROME = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # A prompt that addresses the reader: "Sign up for ...", "Read more", "Share this".
        r"^(?:sign up|subscribe (?:to|now|for|today)|(?:click|tap) (?:here|on|to|the|below|for)"
        r"|read (?:more|next|the full|our)|see (?:also|more)"
        r"|follow (?:us|@|him|her|them)|share (?:this|on|via|the)|download (?:our|the)"
        r"|register (?:for|now|to)|log ?in\b|sign in|learn more|continue reading|don'?t miss"
        r"|get (?:our|the latest|breaking|unlimited)|join (?:us|our|the conversation)"
        r"|support (?:our|us|independent)|donate|skip to|jump to|back to top"
        r"|print this|email this|report an? (?:error|typo)|contact (?:us|the))\b",
        r"^(?:advertisement|sponsored(?: content)?|story continues below)\W*$",
        # A teaser's label: "Related: ...", "Most read", "You may also like".
        r"^(?:related(?: (?:stories|articles|coverage|content|topics))?|more(?: on this| from)?"
        r"|read (?:more|also)|also read|recommended|most (?:read|popular|viewed|shared)"
        r"|trending|editor'?s picks?|you (?:may|might) also like|top stories|further reading"
        r"|latest|watch|listen|topics|tags)\s*(?:[:|»›>–—-]|$)",
        # A caption or a credit line: "Photo: ...", "Image by ...", "Credit: ...".
        r"^\W*(?:photo(?:graph)?s?|image|picture|pictured|caption|credits?|illustration"
        r"|graphic|file photo|top image)\b(?:\s+by\b)?\s*[:|—–-]",
        r"^.{0,80}\b(?:getty images|shutterstock|ap photo|afp photo|via getty|alamy|epa-efe)\b",
        # A notice about the site, its cookies, browsers, accounts, subscriptions or ads.
        r"\byou(?:r|'re)?\b.*\b(?:cookies?|browser|javascript|newsletters?|inbox"
        r"|subscri(?:be|bed|bers?|ptions?)|sign(?:ed)? (?:up|in)|log(?:ged)? in|account"
        r"|ad ?blocker|this (?:site|website|page)|our (?:site|website|app)|notifications?"
        r"|terms of (?:use|service)|privacy|visiting|unlimited access|free trial|affiliate"
        r"|commission|buy through)\b",
        r"\b(?:cookies?|newsletters?|subscriptions?|browser|affiliate links?)\b.*\byou(?:r)?\b",
        r"\ball rights reserved\b|©|\bcopyright \d{4}",
        # The outlet's own standards: "Our Standards", "See our ethics statement".
        r"\bour (?:standards|ethics|editorial (?:standards|guidelines|policy)|corrections policy"
        r"|trust principles)\b|\bethics (?:statement|policy)\b|\btrust principles\b",
    )
)
CHROME_MAX_WORDS = 60
"""A sentence longer than this reports something, whatever words it shares with chrome."""
_PHOTO_CREDIT = re.compile(r"^\(?[A-Z][^()/\n]{0,40}/[A-Z][^()/\n]{0,40}\)?\.?$")
"""A credit in the agency style, "(Sam Trujillo/The Ledger)" or "Jane Doe/Reuters"."""
_GLUED_CREDIT = re.compile(
    r"\s*(?:\((?:[A-Z][^()/\n]{0,40}/[A-Z][^()\n]{0,40}|(?:AP |AFP |Reuters )?(?:photo|image"
    r"|credit)s?\b[^()\n]{0,60})\)|(?<=[.!?\"”])\s*(?:photo(?:graph)?|image|credit)(?: by)?:"
    r"[^.!?\n]{1,60})\s*$",
    re.IGNORECASE,
)
"""A credit a page glues after a caption or a paragraph: "... (AP Photo/Jane Doe)",
"... the river. Photo: Jane Doe/Reuters"."""
HEADLINE_MAX_WORDS = 25
BYLINE_MAX_WORDS = 8
CRUMB_MAX_WORDS = 2
"""A line this short is a crumb or a menu entry, even in a source of headlines."""


def is_boilerplate(text: str, *, alone_on_line: bool) -> bool:
    """True for navigation crumbs, headlines, share prompts, bylines and contact lines.

    Decided by the shape of the line, never by a list of known strings: a short sentence that
    stands alone on its line without sentence-final punctuation is a crumb, a heading or a
    prompt; a short line that opens with "By", "Photo", "Source"... is a byline; a short
    sentence with an e-mail address or a web address is a contact or credit line (a long one
    reports something, and names its source); a sentence with no word at all ("...", "* * *")
    is a separator.
    """
    folded = fold(text).strip()
    if not has_word(folded):
        return True
    words = folded.split()
    addresses = sum(1 for word in words if _EMAIL_OR_URL.search(word))
    if addresses and len(words) - addresses <= BYLINE_MAX_WORDS:
        return True
    if is_chrome(folded):
        return True
    if not alone_on_line:
        return False
    if is_byline(folded):
        return True  # "By Jane Doe." ends like a sentence but is a byline
    # A headline or prompt is short; a long unpunctuated line is body text that lost its period.
    word_count = len(words) + len(UNSPACED_CHARACTER.findall(folded)) // 2
    if ENDS_SENTENCE.search(folded) or word_count > HEADLINE_MAX_WORDS:
        return False
    return not reads_as_prose(words)


def is_chrome(text: str) -> bool:
    """A prompt to the reader, a teaser, a caption or credit, a notice about the site or its
    standards (see _CHROME), in a sentence short enough to be nothing else."""
    folded = fold(text).strip()
    if len(folded.split()) > CHROME_MAX_WORDS:
        return False
    return bool(_PHOTO_CREDIT.match(folded)) or any(p.search(folded) for p in _CHROME)


PROSE_MIN_WORDS = 16
PROSE_FUNCTION_SHARE = 0.45
"""A line of at least PROSE_MIN_WORDS words, this share of them function words ("are", "that",
"has been"), is a sentence that lost its period: headlines drop such words."""


def reads_as_prose(words: list[str]) -> bool:
    function = sum(1 for w in words if w.strip(".,;:'\"()").lower() in STOPWORDS)
    return len(words) >= PROSE_MIN_WORDS and function >= PROSE_FUNCTION_SHARE * len(words)


def is_byline(text: str) -> bool:
    """A short line that opens with "By", "Photo", "Source"..."""
    folded = fold(text).strip()
    return bool(_BYLINE.match(folded)) and len(folded.split()) <= BYLINE_MAX_WORDS


def headlines_as_content(sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """A source made mostly of lines shaped like headlines (a list of headlines, text without
    final stops) has no article around them to set them aside from: they are its content.
    Separators, contact lines, bylines and crumbs ("Home", "World news") stay boilerplate."""
    shaped = {
        s.index
        for s in sentences
        if s.boilerplate
        and len(s.text.split()) > CRUMB_MAX_WORDS
        and not is_boilerplate(s.text, alone_on_line=False)
        and not is_byline(s.text)
    }
    content = sum(1 for s in sentences if not s.boilerplate)
    if len(shaped) <= content:
        return sentences
    return tuple(replace(s, boilerplate=False) if s.index in shaped else s for s in sentences)


def glued_chrome(text: str) -> list[tuple[int, int, bool]]:
    """The sentence cut into pieces (start, end, is chrome): a credit glued after a caption or
    a paragraph ("... (AP Photo/Jane Doe)") is its own piece, so the content stays content."""
    credit = _GLUED_CREDIT.search(text)
    if credit is None or not has_word(text[: credit.start()]):
        return [(0, len(text), False)]
    return [(0, credit.start(), False), (len(text) - len(credit.group().lstrip()), len(text), True)]


_AUTHOR_BIO = re.compile(
    r"^[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){1,3} (?:is|was|has been) (?:a|an|the) (?:[\w'-]+ ){0,5}"
    r"(?:reporter|correspondent|writer|editor|columnist|journalist|contributor|producer"
    r"|photographer|critic|author|intern|fellow)\b"
)
"""A line about the author: "Jane Doe is a staff reporter covering health." (At a page's end:
in a story, such a sentence may be the news.)"""
EDGE_SHARE = 0.2
"""The first and last fifth of a page: where its chrome runs."""
EDGE_RUN_MAX_WORDS = 8
"""A sentence this short between two chrome lines at a page's edge is chrome too."""


def page_chrome(sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """Chrome told by its place on the page: an author's bio near the end, and a short line
    inside a run of chrome at the start or the end ("Topics", "Economy", "Share")."""
    count = len(sentences)
    edge = max(1, round(EDGE_SHARE * count))
    chrome = {s.index for s in sentences if s.boilerplate}
    for k in range(count - edge, count):
        if _AUTHOR_BIO.match(fold(sentences[k].text).strip()):
            chrome.add(k)
    for k in [*range(1, edge), *range(count - edge, count - 1)]:
        short = len(sentences[k].text.split()) <= EDGE_RUN_MAX_WORDS
        if short and k - 1 in chrome and k + 1 in chrome:
            chrome.add(k)
    return tuple(
        replace(s, boilerplate=True) if s.index in chrome and not s.boilerplate else s
        for s in sentences
    )
