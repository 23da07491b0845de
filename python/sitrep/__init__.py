"""sitrep: claims, events, places, quantities and dates from war reporting.

The same C++ library as the ``sitrep`` command line, called in-process::

    import sitrep
    result = sitrep.extract(open("report.txt", "rb").read(), published="2024-08-13")
    for claim in result["claims"]:
        print(claim["status"], claim["speaker"]["name"] if claim["speaker"] else None)

``extract`` returns exactly the JSON of ``sitrep extract`` (docs/extract-json.md)
as Python objects. Spans are byte offsets into the document's bytes (UTF-8 for
a str); ``byte_to_str_index`` converts one to an index into the str.
Extraction releases the GIL, so threads extract in parallel.
``sitrep.dask`` ingests a corpus on a Dask cluster (docs/python.md).
"""
from . import _sitrep

__all__ = ["Error", "Extractor", "extract", "byte_to_str_index", "str_span", "version"]

#: sitrep's version (the library's, the same as ``sitrep --version``).
version = _sitrep.version
__version__ = version

#: Raised with sitrep's own message when the library refuses something: a
#: missing or damaged gazetteer, a bad date, an input it cannot read.
Error = _sitrep.Error

_INPUTS = ("auto", "text", "html")


class Extractor:
    """The pipeline with its data loaded, from given files.

    Every path left as None is found as the command line finds it: the
    environment variable (SITREP_GAZETTEER, SITREP_ATTRIBUTION_MODEL,
    SITREP_EVENT_MODEL, SITREP_HUNSPELL_DIR), then the build tree's copy, then
    the installed copy (share/sitrep/). Raises Error when a file is missing or
    damaged. Thread-safe: share one between threads.
    """

    def __init__(self, gazetteer=None, attribution_model=None, events_model=None, hunspell_dir=None):
        self._impl = _sitrep.Extractor(gazetteer or "", attribution_model or "", events_model or "",
                                       hunspell_dir or "")

    @property
    def gazetteer_path(self):
        return self._impl.gazetteer_path

    def extract_json(self, text, published=None, outlet=None, input="auto", language=None, window_bytes=None):
        """The JSON text of ``sitrep extract --compact`` (one line)."""
        return _extract_json(self._impl, text, published, outlet, input, language, window_bytes)

    def extract(self, text, published=None, outlet=None, input="auto", language=None, window_bytes=None):
        """As the module's ``extract``, with this Extractor's data."""
        return _extract(self._impl, text, published, outlet, input, language, window_bytes)


def _check(text, input, window_bytes):
    if not isinstance(text, (str, bytes)):
        raise TypeError("sitrep.extract: text must be str or bytes, not %s" % type(text).__name__)
    if input not in _INPUTS:
        raise Error("input must be auto, text or html, not %r" % (input,))
    if window_bytes is not None and (isinstance(window_bytes, bool) or not isinstance(window_bytes, int)
                                     or window_bytes < 0):
        raise Error("window_bytes must be a whole number of bytes >= 0, not %r" % (window_bytes,))


def _window_bytes(window_bytes):
    return {} if window_bytes is None else {"window_bytes": window_bytes}


def _extract_json(impl, text, published, outlet, input, language, window_bytes=None):
    _check(text, input, window_bytes)
    return impl.extract_json(text, published or "", outlet or "", language or "", input,
                             **_window_bytes(window_bytes))


def _extract(impl, text, published, outlet, input, language, window_bytes=None):
    # The dict is built in C++ by the code that writes the JSON text (no
    # json.loads): the same values, in the same order.
    _check(text, input, window_bytes)
    return impl.extract(text, published or "", outlet or "", language or "", input, **_window_bytes(window_bytes))


def extract(text, published=None, outlet=None, input="auto", language=None, window_bytes=None):
    """Extracts one document; returns the JSON contract of ``sitrep extract``.

    text: the document as str or bytes (plain text, HTML, with or without a
    front block). published: "YYYY-MM-DD", against which relative dates
    resolve (overrides a front block). outlet: the outlet's name. input:
    "auto", "text" or "html". language: "en", "ru" or "uk" (default: the
    front block's, else guessed from the script). window_bytes: a document
    longer than this is extracted in windows cut at paragraph breaks (the
    CLI's --window-bytes; default 256 kB, 0 never cuts).

    The process's Extractor is opened on the first call (once, whatever the
    threads) with the default data paths; Error when that or the document
    fails, with sitrep's message.
    """
    return _extract(_sitrep.default_extractor(), text, published, outlet, input, language, window_bytes)


def byte_to_str_index(text, offset):
    """The index into the str ``text`` of byte ``offset`` of its UTF-8 encoding.

    Spans in extract's result are byte offsets; ``text[byte_to_str_index(text, b):
    byte_to_str_index(text, e)]`` is the span as a str. An offset inside a
    character's bytes is refused (ValueError), as is one past the end.
    """
    data = text.encode("utf-8")
    if offset < 0 or offset > len(data):
        raise ValueError("byte offset %d outside the text's %d bytes" % (offset, len(data)))
    try:
        return len(data[:offset].decode("utf-8"))
    except UnicodeDecodeError:
        raise ValueError("byte offset %d is inside a character" % offset) from None


def str_span(text, span):
    """A [begin, end] byte span of ``text`` (a str) as str indices (begin, end)."""
    return byte_to_str_index(text, span[0]), byte_to_str_index(text, span[1])
