"""Sentences as every stage reads them (nlp.sentences)."""

from nlp.schema import Block, BlockKind
from nlp.sentences import block_sentence_spans


def test_each_row_of_a_table_is_a_sentence_and_prose_is_split_by_sentence():
    table = "Index | Close | Week\nS&P 500 | 6,173.07 | +3.4%\n\nRussell 2000 | 2,172.53 | +3.0%"
    rows = [table[a:b] for a, b in block_sentence_spans(Block(start=0, end=len(table), text=table,
                                                              kind=BlockKind.TABLE))]
    assert rows == ["Index | Close | Week", "S&P 500 | 6,173.07 | +3.4%", "Russell 2000 | 2,172.53 | +3.0%"]
    prose = "Small caps rose 2%. Large caps lagged."
    assert len(block_sentence_spans(Block(start=0, end=len(prose), text=prose))) == 2


def test_a_table_of_thousands_of_rows_stays_one_piece():
    from nlp.sentences import MAX_TABLE_ROWS

    table = "\n".join(f"row {i} | {i}.5%" for i in range(MAX_TABLE_ROWS + 5))
    spans = block_sentence_spans(Block(start=0, end=len(table), text=table, kind=BlockKind.TABLE))
    assert len(spans) < MAX_TABLE_ROWS
