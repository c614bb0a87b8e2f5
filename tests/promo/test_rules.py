"""The promo cue lists: the one-scan pre-checks agree with the cues they stand for."""

from pathlib import Path

import pytest

from nlp.parse import load_document
from nlp.promo.rules import _top_level_alternatives, promo_rules

PAGES = Path(__file__).resolve().parents[2] / "corpora" / "pages"

# one text per kind of alternative the pre-check groups: word-start (\b...), anchored (^...),
# neither ("all rights reserved"), in upper case, and texts that must not fire
SAMPLES = [
    "Subscribe to Rate Watch for daily alerts.", "GET THE FULL REPORT now", "Sponsored by Golden Vault",
    "  Advertisement", "Would you like me to shorten it?", "This article is not investment advice.",
    "Disclaimer: we own shares", "2025 Small Cap Network. ALL RIGHTS RESERVED", "Keep Reading",
    "Tags: markets, rates", "Home About Contact", "Share | Tweet | Email", "Dec.24 2025",
    "We believe this stock could SKYROCKET, the discovery of the decade", "Act now before it's too late",
    "The Russell 2000 rose 9%, its best quarter in two years.", "Subscriber numbers rose.", "",
]


def corpus_texts() -> list[str]:
    texts = list(SAMPLES)
    for path in sorted(PAGES.iterdir()):
        texts += [b.text.strip() for b in load_document(path).blocks]
    return texts


def test_the_role_pre_check_fires_exactly_when_one_of_its_cues_does():
    texts = corpus_texts()
    fired = 0
    for role in promo_rules().roles:
        for text in texts:
            expected = any(c.pattern.search(text) for c in role.cues)
            assert bool(role.any_cue.search(text)) == expected, (role.role, text)
            fired += expected
    assert fired >= 20  # the samples do exercise the cues


def test_the_hype_pre_check_fires_exactly_when_one_of_the_hype_cues_does():
    rules = promo_rules()
    texts = corpus_texts()
    assert any(rules.any_hype.search(t) for t in texts)
    for text in texts:
        assert bool(rules.any_hype.search(text)) == any(c.pattern.search(text) for c in rules.hype), text


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"a|b", ["a", "b"]),
    (r"(?:a|b)c|d", ["(?:a|b)c", "d"]),
    (r"[|]x|y", ["[|]x", "y"]),
    (r"[]|]x|y", ["[]|]x", "y"]),
    (r"[^]|]x|y", ["[^]|]x", "y"]),
    (r"\|x|y", [r"\|x", "y"]),
    (r"[\]|]x|y", [r"[\]|]x", "y"]),
])
def test_a_pattern_splits_only_at_its_top_level_bars(pattern, expected):
    assert _top_level_alternatives(pattern) == expected


def test_subscribing_for_shares_and_signing_up_customers_are_not_calls_to_action():
    cues = {c.name: c for c in promo_rules().role("call_to_action").cues}
    assert not cues["subscribe"].pattern.search("Small investors welcomed the deal, subscribing for so many shares.")
    assert cues["subscribe"].pattern.search("Subscribe for unlimited access")
    assert not cues["sign_up"].pattern.search("the company continued to sign up additional subscribers")
    assert cues["sign_up"].pattern.search("Sign up for our weekly newsletter")
