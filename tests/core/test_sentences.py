import time

from linting.core.sentences import split_sentences


def texts(text):
    out = split_sentences(text)
    for s in out:
        assert text[s.start : s.end] == s.text
    return [s.text for s in out]


def test_abbreviations_do_not_end_sentences():
    t = "Dr. Patel and Prof. Lee met Mr. Hart at St. Mary's vs. the old site. Next sentence here."
    assert texts(t) == [
        "Dr. Patel and Prof. Lee met Mr. Hart at St. Mary's vs. the old site.",
        "Next sentence here.",
    ]


def test_latin_and_country_abbreviations():
    t = "Some drugs, e.g. statins, i.e. lipid drugs, are common in the U.K. and the U.S. today. Smith et al. agree."
    assert texts(t) == [
        "Some drugs, e.g. statins, i.e. lipid drugs, are common in the U.K. and the U.S. today.",
        "Smith et al. agree.",
    ]


def test_decimals_percentages_and_numbers():
    t = "Levels fell by 2.5 points, approx. 12.5% of the total. See No. 4 for details."
    assert texts(t) == ["Levels fell by 2.5 points, approx. 12.5% of the total.", "See No. 4 for details."]


def test_citation_markers_stay_with_previous_sentence():
    t = "Flu jabs cut hospital stays. [1] They are free for over-65s.[2,3] Ranges work too. [4-6] Done."
    assert texts(t) == [
        "Flu jabs cut hospital stays. [1]",
        "They are free for over-65s.[2,3]",
        "Ranges work too. [4-6]",
        "Done.",
    ]


def test_list_items_are_their_own_sentences_without_marker():
    t = "Bring these:\n• your letter\n✔ your medicines\n- a snack\n* a book\n1. your card"
    assert texts(t) == ["Bring these:", "your letter", "your medicines", "a snack", "a book", "your card"]


def test_blank_line_and_unpunctuated_line_end_sentences():
    t = "A heading line\nBody starts here and goes on\n\nAnother paragraph without a stop\n\nLast."
    assert texts(t) == ["A heading line", "Body starts here and goes on", "Another paragraph without a stop", "Last."]


def test_questions_and_quotes():
    t = "Is it painful? Most people say no. “It felt fine.” – Ana, 44"
    assert texts(t) == ["Is it painful?", "Most people say no.", "“It felt fine.”", "– Ana, 44"]


def test_hard_wrapped_lines_are_joined():
    t = "This sentence is wrapped\nacross two lines. Then another."
    assert texts(t) == ["This sentence is wrapped\nacross two lines.", "Then another."]


def test_empty_and_whitespace():
    assert split_sentences("") == []
    assert split_sentences("  \n\n ") == []


def test_fast_enough_for_every_save():
    text = ("Dr. Lee says the jab works well. It is given twice, e.g. in spring. [1]\n\n" * 2000)
    started = time.perf_counter()
    assert len(split_sentences(text)) == 4000
    assert time.perf_counter() - started < 1.0
