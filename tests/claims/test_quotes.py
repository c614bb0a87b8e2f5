"""Quoted speech: who said it, with the organisation from the title after the name."""

import pytest

from nlp.claims.quotes import document_quotes, find_quotes, speaker_at, speaker_of


@pytest.mark.parametrize("text, speaker", [
    ('"Value is back," said Ines Moreau, head of equity research at Quayside Securities.',
     "Ines Moreau (Quayside Securities)"),
    ('“Margins will hold,” said Tom de Wit, chief financial officer of Larkfield Foods, on a call.',
     "Tom de Wit (Larkfield Foods)"),
    ('"Expect a choppy week," Rosa Lind, a strategist at Norden Bank, said on Tuesday.',
     "Rosa Lind (Norden Bank)"),
    ('Omar Haddad, portfolio manager with Cedar Point Advisors, said: "We are adding to small caps."',
     "Omar Haddad (Cedar Point Advisors)"),
    ('"Volatility is cheap," Kira Svensson said.', "Kira Svensson"),
    ('"We like banks here", according to Paul Okoro, an analyst at Brightwater Co.',
     "Paul Okoro (Brightwater Co.)"),
])
def test_the_speaker_and_organisation_of_a_quotation(text, speaker):
    quotes = find_quotes(text)
    assert [q.speaker for q in quotes] == [speaker]
    assert text[quotes[0].start:quotes[0].end].strip(' "“,').startswith(
        ("Value", "Margins", "Expect", "Omar", "Volatility", "We like"))


def test_scare_quotes_and_unnamed_speakers_are_not_attributed():
    assert find_quotes('The stock became a "meme stock" overnight.') == []
    assert find_quotes('"Rates matter," she said.') == []  # nobody quoted before
    assert find_quotes('"Rates matter," The Market said.') == []
    assert speaker_of("Monday Morning", None) is None


def test_a_quotation_over_several_sentences_and_later_reported_speech():
    first = '"Breadth improved. Leadership is rotating," said Ada Kwan, strategist at Pell & Rowe.'
    second = 'Kwan said she expects the shift to last. "It has legs," she added. Analysts disagree.'
    quotes = document_quotes([(0, first), (len(first) + 2, second)])
    both = "Ada Kwan (Pell & Rowe)"
    assert speaker_at(quotes, 0, 19, first[:19]) == both  # the first sentence of the quotation
    base = len(first) + 2
    assert speaker_at(quotes, base, base + 40, second[:40]) == both  # "Kwan said …"
    assert [q.speaker for q in quotes] == [both, both]  # "… she added" after a known speaker
    at = second.index("Analysts")
    assert speaker_at(quotes, base + at, base + len(second), second[at:]) is None


def test_the_opening_mark_left_on_the_sentence_before_does_not_attribute_it():
    text = 'Brokers see upside of 10% by June. "We are buyers," said Li Wen, trader at Harbour Desk.'
    quotes = find_quotes(text)
    before = text.index('"')  # a splitter may end the first sentence after the opening mark
    assert speaker_at(quotes, 0, before + 1, text[:before + 1]) is None
    assert speaker_at(quotes, before + 1, len(text), text[before + 1:]) == "Li Wen (Harbour Desk)"
