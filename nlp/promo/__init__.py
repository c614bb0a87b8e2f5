"""Promotional content: block roles (sponsored, call to action, chat artifact, boilerplate,
disclosure…), article flags and a promotional score. See :mod:`nlp.promo.classify`."""

from nlp.promo.classify import Decision, classify_blocks
from nlp.promo.flags import article_flags

__all__ = ["Decision", "article_flags", "classify_blocks"]
