import codecs
import gzip

import pytest

from nlp.errors import InputError
from nlp.parse.decode import decode_bytes

HTML = "<html><head>{meta}</head><body><p>Café — “déjà vu” at 5%</p></body></html>"


def test_utf8_bom_wins():
    out = decode_bytes(codecs.BOM_UTF8 + HTML.format(meta="").encode("utf-8"), "x")
    assert "Café" in out.text and out.encoding == "utf-8"


def test_utf16_with_bom():
    out = decode_bytes(HTML.format(meta="").encode("utf-16"), "x")
    assert "déjà" in out.text


def test_meta_charset_is_used_for_single_byte_pages():
    page = HTML.format(meta='<meta charset="windows-1252">').encode("cp1252")
    out = decode_bytes(page, "x")
    assert "“déjà vu”" in out.text and out.encoding == "cp1252"


def test_http_header_beats_meta():
    page = HTML.format(meta='<meta charset="iso-8859-5">').encode("cp1252")
    out = decode_bytes(page, "x", content_type="text/html; charset=windows-1252")
    assert "Café" in out.text


def test_lying_declaration_is_caught_and_reported():
    # declared latin-1, really UTF-8: must not come out as mojibake
    page = HTML.format(meta='<meta charset="iso-8859-1">').encode("utf-8")
    out = decode_bytes(page, "x")
    assert "Café" in out.text and "Ã" not in out.text
    assert any("W101" in w for w in out.warnings)


def test_declared_utf8_that_is_not_falls_back_to_detection():
    page = HTML.format(meta='<meta charset="utf-8">').encode("cp1252")
    out = decode_bytes(page, "x")
    assert "Caf" in out.text
    assert any("W101" in w for w in out.warnings)


def test_gzip_and_truncated_gzip():
    raw = HTML.format(meta="").encode("utf-8") * 200
    packed = gzip.compress(raw)
    assert decode_bytes(packed, "x").text.startswith("<html>")
    out = decode_bytes(packed[: len(packed) // 2], "x")
    assert any("W103" in w for w in out.warnings) and out.text.startswith("<html>")
    with pytest.raises(InputError, match="E106"):
        decode_bytes(b"\x1f\x8b\x08\x00garbage", "x")


@pytest.mark.parametrize("data,code", [(b"", "E103"), (b"  \n\t ", "E103"),
                                       (b"%PDF-1.7 ...", "E104"), (bytes(range(256)) * 20, "E104")])
def test_not_text_inputs_have_clear_errors(data, code):
    with pytest.raises(InputError, match=code) as err:
        decode_bytes(data, "some/file.html")
    assert "some/file.html" in str(err.value)


def test_nul_bytes_are_removed_with_warning():
    out = decode_bytes(b"<p>a\x00b</p>", "x")
    assert out.text == "<p>ab</p>" and any("W102" in w for w in out.warnings)


def test_size_limit():
    with pytest.raises(InputError, match="E105"):
        decode_bytes(b"<p>x</p>" * 100, "x", limit=100)


def test_control_bytes_are_counted_but_tabs_and_line_breaks_are_text():
    from nlp.parse.decode import sniff_binary

    text = b"Rates\trose.\r\n\x0b\x0c" * 400  # every byte is text
    assert sniff_binary(text) is None
    noisy = (b"\x00\x01\x1f\x08 Rates rose. " * 300)[:4096]  # 4 control bytes in 17: binary
    reason = sniff_binary(noisy)
    assert reason is not None and reason.startswith(f"{sum(1 for b in noisy if b < 9 or 13 < b < 32)} control")
