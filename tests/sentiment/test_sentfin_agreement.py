from nlp.sentiment.data import Example


def test_groups_join_headlines_that_differ_only_in_digits_and_keep_entities_apart():
    from benchmarks.sentfin_agreement import label_groups

    examples = [Example("Acme up 3 %", 2, "sentfin", "Acme"), Example("Acme up 4%!", 1, "sentfin", "acme"),
                Example("Acme up 3 %", 2, "sentfin", "Bolt"), Example("Bolt falls", 0, "sentfin", "Bolt")]
    assert label_groups(examples) == [[2, 1]]
