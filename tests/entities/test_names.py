import pytest

from nlp.entities.names import (
    alias_key,
    clean_company_name,
    is_plain_security,
    name_variants,
    tidy_case,
)


@pytest.mark.parametrize("listed, written", [
    ("Credo Technology Group Holding Ltd - Ordinary Shares", "Credo Technology"),
    ("Astera Labs, Inc. - Common Stock", "Astera Labs"),
    ("SoundHound AI, Inc. - Class A Common Stock", "SoundHound AI"),
    ("Alphabet Inc. (Class A)", "Alphabet"),
    ("The Goldman Sachs Group, Inc.", "Goldman Sachs"),
    ("BANK OF AMERICA CORP /DE/", "Bank of America"),
])
def test_clean_company_name(listed, written):
    assert clean_company_name(tidy_case(listed)) == written


def test_variants_shorten_companies_but_not_funds():
    assert name_variants("Credo Technology Group Holding Ltd") == ["Credo Technology", "Credo"]
    assert name_variants("iShares Russell 2000 ETF", fund=True) == ["iShares Russell 2000 ETF", "iShares Russell 2000"]


def test_warrants_and_preferreds_are_not_plain_securities():
    assert not is_plain_security("Acme Corp - Warrants")
    assert not is_plain_security("Acme Corp 6.5% Preferred Series B")
    assert is_plain_security("Acme Corp Common Stock")


def test_alias_key_ignores_case_hyphens_and_curly_quotes():
    assert alias_key("Barron’s") == alias_key("barron's")
    assert alias_key("Nasdaq-100") == alias_key("Nasdaq 100") == ("nasdaq", "100")
    assert alias_key("C3.ai") == ("c3.ai",)
