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

_LABELS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # A prompt that addresses the reader: "Sign up for ...", "Read more", "Share this".
        r"^(?:sign up|subscribe (?:to|now|for|today)|(?:click|tap) (?:here|on|to|the|below|for)"
        r"|read (?:more|next|the full|our)|see (?:also|more)"
        r"|follow (?:us|@|him|her|them|[\w ]{1,30} on (?:facebook|twitter|x|instagram|tiktok))"
        r"|share (?:this|on|via|the)|download (?:our|the)"
        r"|register (?:for|now|to)|log ?in\b|sign in|learn more|continue reading|don'?t miss"
        r"|get (?:our|the latest|breaking|unlimited)|join (?:us|our|the conversation)"
        r"|support (?:our|us|independent)|donate|skip to|jump to|back to top"
        r"|print this|email this|report an? (?:error|typo)|contact (?:us|the))\b",
        r"^(?:advertisement|sponsored(?: content)?|story continues below)\W*$",
        # A teaser's label: "Related: ...", "Most read", "You may also like".
        r"^(?:related(?: (?:stories|articles|coverage|content|topics))?|more(?: on this| from)?"
        r"|read (?:more|also)|also read|recommended|most (?:read|popular|viewed|shared)"
        r"|trending|editor'?s picks?|you (?:may|might) also like|top stories|further reading"
        r"|latest|watch|listen|topics|tags|privacy (?:notice|policy))\s*(?:[:|»›>]|$)",
        # A caption's label: "Photo: ...", "Image by ...", "Pictured: ...".
        r"^\W*(?:photo(?:graph)?s?|image|picture|pictured|caption|credits?|illustration"
        r"|graphic|file photo|top image)(?:\s+by\b)?\s*[:|]",
    )
)
"""Labels that open a line of chrome; such a line quotes and attributes nothing."""
_CREDIT_SHAPE = re.compile(r"^\([^()]{1,60}/[^()]{1,60}\)$|^[A-Z][^/.!?]{0,40}/[A-Z][^/.!?]{0,40}$")
"""A photo credit: "(AP Photo/Jane Doe)", "Jane Doe/Reuters"."""
_AGENCY = re.compile(
    r"\b(?:getty images|shutterstock|ap photo|afp photo|via getty|alamy|epa-efe)\b", re.IGNORECASE
)
"""A photo agency, on a short line that attributes nothing: a credit."""
_WIRE_NOTE = re.compile(
    r"\b(?:can be (?:reached|contacted) at|contributed (?:to )?(?:this )?(?:report|reporting|from))"
    r"\b|\bmay not be (?:published|reproduced|redistributed)\b",
    re.IGNORECASE,
)
"""A wire's notes: "Jane Doe can be reached at ...", "AP writer Jane Doe contributed from Kyiv",
"This material may not be published ..."."""
CREDIT_MAX_WORDS = 8
_COPYRIGHT = re.compile(r"©|\ball rights reserved\b|\bcopyright \d{4}", re.IGNORECASE)
_ATTRIBUTED = re.compile(
    r"[\"“”]|\b(?:said|says|told|tells|urged|warned|added|asked|argued|according to)\b",
    re.IGNORECASE,
)
"""A quote or a reporting verb: news, however much it shares with chrome."""
_SECOND_PERSON = re.compile(r"\byou(?:r|'re)?\b", re.IGNORECASE)
_SITE_WORD = re.compile(
    r"\b(?:cookies?|browser|javascript|newsletters?|inbox|subscri(?:be|bed|bers?|ptions?)"
    r"|sign(?:ed)? (?:up|in)|log(?:ged)? in|ad ?blocker|this (?:site|website|page)"
    r"|our (?:site|website|app)|terms of (?:use|service)|privacy (?:policy|notice)|visiting"
    r"|unlimited access|free trial|affiliate|buy through)\b",
    re.IGNORECASE,
)
"""With "you": a notice about the site, its cookies, browsers, accounts, subscriptions or ads."""
_STANDARDS = re.compile(
    r"\bour (?:standards|ethics|editorial (?:standards|guidelines|policy)|corrections policy"
    r"|trust principles)\b|\bethics (?:statement|policy)\b|\btrust principles\b",
    re.IGNORECASE,
)
"""The outlet's own standards: "Our Standards", "See our ethics statement"."""
CHROME_MAX_WORDS = 40
CHROME_MAX_CHARACTERS = 400
"""A longer sentence reports something, whatever words it shares with chrome."""
STANDARDS_MAX_WORDS = 15
_GLUED_CREDIT = re.compile(
    r"(?<!\S)(?:\((?:[A-Z][^()/\n]{0,40}/[A-Z][^()\n]{0,40}|(?:AP |AFP |Reuters )?"
    r"(?i:photo|image|credit)s?\b[^()\n]{0,60})\)"
    r"|(?<=[.!?\"”] )(?i:photo(?:graph)?|image|credit)(?: by)?:[^.!?\n]{1,60})$"
)
"""A credit a page glues after a caption or a paragraph: "... (AP Photo/Jane Doe)",
"... the river. Photo: Jane Doe/Reuters"."""
_BYLINE_WORDS = frozenset("and of the for in at staff writer reporter correspondent editor".split())
HEADLINE_MAX_WORDS = 25
BYLINE_MAX_WORDS = 8
CRUMB_MAX_WORDS = 2
"""A line this short is a crumb or a menu entry, even in a source of headlines."""


def is_boilerplate(text: str, *, alone_on_line: bool) -> bool:
    """True for navigation crumbs, headlines, share prompts, bylines and contact lines.

    Decided by the shape of the line and by general cues (see is_chrome): a short sentence that
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
    """A photo credit, a copyright line, or a line that quotes and attributes nothing and is
    labelled as a prompt to the reader, a teaser or a caption, or addresses the reader about
    the site, or names the outlet's standards."""
    words = len(text.split())
    if words > CHROME_MAX_WORDS or len(text) > CHROME_MAX_CHARACTERS:
        return False
    if _COPYRIGHT.search(text) or _CREDIT_SHAPE.match(text):
        return True
    # The cues, cheapest first; the attribution check only for a line one of them fits.
    cued = (
        any(label.match(text) for label in _LABELS)
        or (_SECOND_PERSON.search(text) is not None and _SITE_WORD.search(text) is not None)
        or (words <= CREDIT_MAX_WORDS and _AGENCY.search(text) is not None)
        or (words <= STANDARDS_MAX_WORDS and _STANDARDS.search(text) is not None)
        or _WIRE_NOTE.search(text) is not None
    )
    return cued and not _ATTRIBUTED.search(text)


PROSE_MIN_WORDS = 16
PROSE_FUNCTION_SHARE = 0.45
"""A line of at least PROSE_MIN_WORDS words, this share of them function words ("are", "that",
"has been"), is a sentence that lost its period: headlines drop such words."""


def reads_as_prose(words: list[str]) -> bool:
    function = sum(1 for w in words if w.strip(".,;:'\"()").lower() in STOPWORDS)
    return len(words) >= PROSE_MIN_WORDS and function >= PROSE_FUNCTION_SHARE * len(words)


def is_byline(text: str) -> bool:
    """A short line that opens with "By", "Photo", "Source"... and goes on with names only ("By
    Jane Doe, Reuters"; not "By noon, the fire was out", "Credit Suisse shares fell")."""
    folded = fold(text).strip()
    words = folded.split()
    if not _BYLINE.match(folded) or len(words) > BYLINE_MAX_WORDS:
        return False
    rest = [w.strip(",.:;") for w in words[1:]]
    return all(not w or w[0].isupper() or w.lower() in _BYLINE_WORDS for w in rest)


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
    # Only the end can hold a credit: searched there, a long run of spaces is not read again
    # from each of its positions.
    tail = len(text) - min(len(text), 120)
    credit = _GLUED_CREDIT.search(text, tail)
    if credit is None or not has_word(text[: credit.start()]):
        return [(0, len(text), False)]
    return [(0, len(text[: credit.start()].rstrip()), False), (credit.start(), len(text), True)]


_AUTHOR_BIO = re.compile(
    r"^[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){1,3} (?:is|was|has been) (?:a|an|the) (?:[\w'-]+ ){0,5}"
    r"(?:reporter|correspondent|writer|editor|columnist|journalist|contributor|producer"
    r"|photographer|critic|author|intern|fellow)\b"
)
"""A line about the author: "Jane Doe is a staff reporter covering health." (At a page's end:
in a story, such a sentence may be the news.)"""
_RELATIVE = re.compile(r"\b(?:who|whose|which|where|after|when)\b")
EDGE_SHARE = 0.2
"""The first and last fifth of a page: where its chrome runs."""
EDGE_RUN_MAX_WORDS = 8
"""A sentence this short between two chrome lines at a page's edge is chrome too."""


def page_chrome(sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """Chrome told by its place on the page: an author's bio as the last content line (in the
    last fifth), and a short line inside a run of chrome at the start or the end ("Topics",
    "Economy", "Share")."""
    count = len(sentences)
    edge = max(1, round(EDGE_SHARE * count))
    chrome = {s.index for s in sentences if s.boilerplate}
    for k in range(count - 1, count - edge - 1, -1):
        if not sentences[k].boilerplate:
            # Only the last content line can be a bio, and only one that says nothing more
            # ("... who was arrested in March": the news).
            text = fold(sentences[k].text).strip()
            if _AUTHOR_BIO.match(text) and not _RELATIVE.search(text):
                chrome.add(k)
            break
    for k in [*range(1, edge), *range(count - edge, count - 1)]:
        text = fold(sentences[k].text).strip()
        short = len(text.split()) <= EDGE_RUN_MAX_WORDS and not ENDS_SENTENCE.search(text)
        if short and k - 1 in chrome and k + 1 in chrome:
            chrome.add(k)
    return tuple(
        replace(s, boilerplate=True) if s.index in chrome and not s.boilerplate else s
        for s in sentences
    )
