"""Who a sentence is attributed to: "X said", "said X", "X, who ..., told", "according to X",
"..., saying", "described by X"."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from sco_compare.claims.speakers import (
    DETERMINERS,
    MAX_SUBJECT_WORDS,
    PREPOSITIONS,
    PRONOUNS,
    QUOTES,
    RELATIVE,
    TOKEN,
    Speaker,
    bare,
    ends_segment,
    speaker_from_words,
)
from sco_compare.text.figures import WEEKDAYS
from sco_compare.text.normalize import STOPWORDS, fold

SPEECH_VERBS = frozenset(
    # No present plural that is also a noun ("member states", "their claims"); "declared",
    # "spoke" and "called" report speech only with what follows (_NEXT_WORD, _WORD_AFTER).
    """
    said says say told tells added adds noted stressed stresses urged urges warned warns
    announced announces stated argued argues claimed insisted insists explained explains
    expressed expresses asked reported wrote writes emphasized emphasised
    declares praised believes believed considered considers hoped described acknowledged warn
    argue insist explain describe describes
    admitted denied confirmed estimated predicted promised vowed welcomed applauded tweeted
    recalled suggested cautioned complained conceded countered replied
    responded testified disclosed revealed accused criticized criticised condemned
    """.split()
)
_INVERTING_VERBS = frozenset("said says added adds asked continued explained wrote writes".split())
"""Verbs that may come before their speaker: '"...," said Smith'."""
_NEXT_WORD = {
    "pointed": ("out",),
    "points": ("out",),
    "spoke": ("of", "about", "highly", "positively", "to", "out", "on"),
    "speaks": ("of", "about", "highly", "positively", "to", "out", "on"),
}
"""Verbs that report speech only with one of these words next: "pointed out", "spoke highly
of" (not "as the minister spoke")."""
_WORD_AFTER = {
    "called": ("for", "on", '"'),
    "identified": ("as",),
    "declared": ("that", '"', ":"),
}
"""Verbs that report speech only with one of these words (or a quote mark) in the next seven:
"called for", 'called it "a farce"', "identified the man as", "declared that"."""
_PASSIVE_BY = frozenset(
    """described blamed criticized criticised praised condemned reported announced welcomed
    denied confirmed called hailed quoted cited questioned disputed rejected accused""".split()
)
_AFTER_PARTICIPLE = [["at"], ["in"], ["on"], ["during"], ["last"], ["earlier"]]
"""What follows a participle that comes after a comma ("The deal, announced at the summit,")."""
_QUANTIFIERS = frozenset("one another some several two three".split())
"""Words that may open a speaker after its verb: "said one senior official"."""
_PARTY_TAG = re.compile(r"[dri]-[a-z.]{2,8}")
_BE = frozenset("is are was were be been being".split())
_AUXILIARIES = frozenset(
    "has have had will would could should may might must can did does do also first then "
    "later again further once still now today yesterday tonight not never".split()
)
_BOUNDARY_WORDS = frozenset(
    "that but because while although though when if whereas after before since so as".split()
)


def find_speaker(text: str, *, leading_only: bool = False) -> Speaker | None:
    """The speaker a clause names. With leading_only, only a subject that opens the text and its
    verb count ("Meng said that ...")."""
    tokens = TOKEN.findall(fold(text))
    words = [bare(t).lower() for t in tokens]
    if leading_only:
        return next(_subject_speakers(tokens, words, leading_only=True), None)
    # ", said Smith" closing a sentence names who speaks for all of it ("Alpha announced profits,
    # said Smith"); "..., the paper said" more often names who reports a speaker it opened with.
    inverted = list(_inverted_speakers(tokens, words))
    named = [s for s in inverted if s.kind != "group"]
    if named:
        return named[0]
    # "..., according to X." closing a sentence names the source of all of it.
    last = max((k + 1 for k in range(len(tokens) - 1) if ends_segment(tokens[k])), default=0)
    for found in (
        _by_speakers(tokens[last:], words[last:]) if "according" in words[last:] else iter(()),
        _subject_speakers(tokens, words, leading_only=False),
        iter(inverted),
        _saying_speakers(tokens, words),
        _by_speakers(tokens, words),
    ):
        speaker = next(found, None)
        if speaker:
            return speaker
    return None


def _speech_at(tokens: Sequence[str], words: Sequence[str], k: int) -> bool:
    word = words[k]
    if word in SPEECH_VERBS:
        return tokens[k][:1].islower() or k == 0
    if word == "continued":  # '"...," he continued.', not "Aftershocks continued"
        return k + 1 == len(tokens) or tokens[k][-1] in ".:" or tokens[k + 1][0] in QUOTES
    if word in _NEXT_WORD:
        return words[k + 1 : k + 2] != [] and words[k + 1] in _NEXT_WORD[word]
    follows = _WORD_AFTER.get(word, ())
    return any(
        w in follows or ('"' in follows and tokens[j][0] in QUOTES)
        for j, w in enumerate(words[k + 1 : k + 8], start=k + 1)
    )


def _subject_speakers(
    tokens: Sequence[str], words: Sequence[str], *, leading_only: bool
) -> Iterator[Speaker]:
    """Speakers named before their verb: "Xi said", ", police said.", "Obama, who ..., said"."""
    for k in range(len(tokens)):
        if leading_only and k > MAX_SUBJECT_WORDS:
            return
        if not _speech_at(tokens, words, k) or tokens[k][0] in QUOTES:
            continue
        participle = words[k + 1 : k + 2] == ["by"] or (
            words[k + 1 : k + 2] == ["as"] and words[k + 2 : k + 3] != ["many"]
        )
        participle = participle or words[k : k + 2] == ["accused", "of"]
        if (k and words[k - 1] == "to") or participle:
            continue  # "to say"; "a deputy identified as", "reported by", "accused of"
        if words[k + 1 : k + 2] == ["not"] and words[k] == "asked":
            continue  # "asked not to be named": a request, not a report
        end = k
        while (
            end > 0 and words[end - 1] in _AUXILIARIES | _BE and not ends_segment(tokens[end - 1])
        ):
            if words[end - 1] in _BE:
                end = -1  # "was said", "is estimated": a passive, not a speaker
                break
            end -= 1
        if end < 0:
            continue
        after_comma = end == k and k > 0 and ends_segment(tokens[k - 1])
        if after_comma and words[k] in _PASSIVE_BY and words[k + 1 : k + 2] in _AFTER_PARTICIPLE:
            continue  # "The deal, announced at the summit, ...": a participle
        if end > 1 and words[end - 1] == "and" and not ends_segment(tokens[end - 2]):
            # "The Survey measured the quake and said ...": the subject of the first verb.
            start = max(1, end - 2 * MAX_SUBJECT_WORDS)  # (bounded: linear in "x and said x")
            end = next((j for j in range(start, end - 1) if _verb_like(tokens, words, j)), end)
        end = _before_adverbs(tokens, words, end)
        speaker = _subject_before(tokens, words, end, leading_only=leading_only)
        if speaker:
            yield speaker


def _verb_like(tokens: Sequence[str], words: Sequence[str], k: int) -> bool:
    """A word in lower case that reads as a verb in the past or a speech verb."""
    return tokens[k][:1].islower() and (words[k].endswith("ed") or words[k] in SPEECH_VERBS)


def _before_adverbs(tokens: Sequence[str], words: Sequence[str], end: int) -> int:
    """Where the subject ends, before adverbs ("initially") and a day ("on Thursday")."""
    while end > 0 and not ends_segment(tokens[end - 1]):
        if words[end - 1].endswith("ly") and tokens[end - 1][:1].islower():
            end -= 1
        elif end > 1 and words[end - 2] == "on" and words[end - 1] in WEEKDAYS:
            end -= 2
        else:
            break
    return end


def _subject_before(
    tokens: Sequence[str], words: Sequence[str], end: int, *, leading_only: bool
) -> Speaker | None:
    start = end
    while start > 0 and not ends_segment(tokens[start - 1]) and end - start < MAX_SUBJECT_WORDS:
        if words[start - 1] in _BOUNDARY_WORDS and tokens[start - 1][:1].islower():
            break
        if tokens[start - 1][0] in QUOTES:  # the quote opens here: the subject starts inside
            start -= 1
            break
        start -= 1
    if start > 0 and end - start >= MAX_SUBJECT_WORDS and not ends_segment(tokens[start - 1]):
        return None  # no clause boundary in sight: not a subject
    chunk = start < end
    while start < end and words[start] in _BOUNDARY_WORDS | {"and", "but", "yet", "so"}:
        start += 1
    if leading_only and start > 0:
        return None
    if start < end:
        return speaker_from_words(tokens[start:end])
    if leading_only or end == 0 or chunk:  # "When asked, ..." leaves no subject
        return None
    return _apposition(tokens, end)


def _apposition(tokens: Sequence[str], end: int) -> Speaker | None:
    """The speaker of a verb that follows a comma: "Zhang, Party secretary of Xinjiang, said",
    "The head of the union, Giannis Panagopoulos, said", "Obama, who ..., said"."""
    segments: list[Sequence[str]] = []
    stop = end
    for k in range(end - 1, max(-1, end - 4 * MAX_SUBJECT_WORDS), -1):
        if k == 0 or ends_segment(tokens[k - 1]):
            segments.append(tokens[k:stop])
            stop = k
            if len(segments) == 4 or k == 0 or tokens[k - 1][-1] not in ",)":
                break
    role = ""
    for number, segment in enumerate(segments):
        first = bare(segment[0]).lower()
        participle = first.endswith("ing") and segment[0][:1].islower()
        if (
            first in RELATIVE | PREPOSITIONS
            or participle
            or not any(c.isalpha() for c in "".join(segment))
        ):
            continue  # "who ...", "in announcing it", "45": neither the name nor a role
        if _PARTY_TAG.fullmatch(first):
            continue  # "Ocasio-Cortez, D-N.Y., called ..."
        if first in DETERMINERS and number + 1 < len(segments):
            role = role or " ".join(bare(t) for t in segment[1:])  # "Bramwell, the Labour MP,"
            continue
        if re.fullmatch(r"\d+-year-old", first) and len(segment) == 1:
            continue
        parsed = speaker_from_words(segment)
        if parsed is None:
            return None
        if parsed.kind == "group" and number + 1 < len(segments):
            role = role or parsed.name  # "Party secretary of Xinjiang", before the name
            continue
        if parsed.kind != "group" and number + 1 < len(segments) and not role:
            before = speaker_from_words(segments[number + 1])
            if before and before.kind == "group" and bare(segments[number + 1][0]).istitle():
                role = before.name  # "The head of the union, Giannis Panagopoulos, said"
        return Speaker(parsed.name, parsed.key, parsed.role or role, parsed.kind)
    return None


_ROLE_NOUN = re.compile(r"(?!\w*ing$)[a-z][a-z-]+")
"""A lowercase word that may open a role after a name ("director of ..."), not "adding" ..."""


def _inverted_speakers(tokens: Sequence[str], words: Sequence[str]) -> Iterator[Speaker]:
    """'"...," said Smith, the mayor.', "..., said Larry Waldie of the sheriff's department"."""
    for k in range(1, len(tokens) - 1):
        if words[k] not in _INVERTING_VERBS or not ends_segment(tokens[k - 1]):
            continue
        end = k + 1
        while end < len(tokens) and end - k <= MAX_SUBJECT_WORDS:
            end += 1
            if ends_segment(tokens[end - 1]):
                break
        who = list(tokens[k + 1 : end])
        named = next((n for n, t in enumerate(who) if bare(t) == "of"), len(who))
        place = next((n for n, t in enumerate(who) if bare(t) in ("in", "on", "at")), None)
        if place is not None and place < named:
            who = who[:place]  # "wrote Judge Florence Pan in the ruling"
            named = len(who)
        if not who:
            continue
        opening = bare(who[0]).lower()
        if named > 5 or opening in STOPWORDS - DETERMINERS - PRONOUNS - _QUANTIFIERS:
            continue  # "said he had told ...", "said today that ...": reported speech
        parsed = speaker_from_words(who)
        if parsed is None:
            continue
        role = parsed.role
        if (
            not role
            and parsed.kind == "person"
            and end < len(tokens)
            and tokens[end - 1][-1] == ","
        ):
            nxt = [bare(t) for t in tokens[end : end + MAX_SUBJECT_WORDS]]
            if nxt and nxt[0].lower() in DETERMINERS:  # "said Anna Keller, the mayor."
                role = " ".join(nxt[1:]).split(",")[0]
            elif nxt and _ROLE_NOUN.fullmatch(nxt[0]) and nxt[0] not in STOPWORDS | RELATIVE:
                # "said Sam Chen, director of Ride Millbrook."
                role = " ".join(nxt).split(",")[0]
        yield Speaker(parsed.name, parsed.key, role, parsed.kind)


def _saying_speakers(tokens: Sequence[str], words: Sequence[str]) -> Iterator[Speaker]:
    """The subject of a sentence whose verb goes on ", saying ...": "X condemned it, saying"."""
    for k, word in enumerate(words):
        if word != "saying" or k + 1 == len(tokens):
            continue
        cued = words[k + 1] == "that" or tokens[k][-1] == ":" or tokens[k + 1][0] in QUOTES
        if not (cued or ends_segment(tokens[k - 1])):
            continue
        start = max(1, k - 2 * MAX_SUBJECT_WORDS)  # (bounded: linear in a run of "saying")
        verb = next((j for j in range(start, k) if _verb_like(tokens, words, j)), None)
        if verb is not None:
            speaker = _subject_before(tokens, words, verb, leading_only=False)
            if speaker:
                yield speaker


def _by_speakers(tokens: Sequence[str], words: Sequence[str]) -> Iterator[Speaker]:
    """The agent of a passive report ("were described by the administration as minor") or the
    source of "according to X"."""
    for k, word in enumerate(words[:-1]):
        agent = word == "by" and any(w in _PASSIVE_BY for w in words[max(0, k - 4) : k])
        if agent or (word == "to" and k and words[k - 1] == "according"):
            end = k + 1
            while end < len(tokens) and end - k <= MAX_SUBJECT_WORDS:
                if words[end] in {"as", "for", "that", "because", "in", "on", "at"}:
                    break
                end += 1
                if ends_segment(tokens[end - 1]):
                    break
            speaker = speaker_from_words(tokens[k + 1 : end])
            if speaker and not speaker.is_pronoun:
                yield speaker
