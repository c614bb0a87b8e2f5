import pytest


@pytest.fixture
def tiny_bert(tmp_path):
    """A one-layer, 16-wide BERT folder with MiniLM's tokenizer: a stand-in encoder or
    classifier that trains in a second. ``tiny_bert(labels)`` makes a sequence classifier
    with that many classes; ``tiny_bert()`` a bare encoder."""
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    from nlp.models import minilm_path

    def make(labels: int | None = None):
        torch.manual_seed(0)
        tokenizer = transformers.AutoTokenizer.from_pretrained(str(minilm_path()))
        config = transformers.BertConfig(vocab_size=tokenizer.vocab_size, hidden_size=16, num_hidden_layers=1,
                                         num_attention_heads=2, intermediate_size=32, num_labels=labels or 2)
        folder = tmp_path / f"tiny-{labels or 'encoder'}"
        model = transformers.BertForSequenceClassification(config) if labels else transformers.BertModel(config)
        model.save_pretrained(folder)
        tokenizer.save_pretrained(folder)
        return folder

    return make
