"""The versioned document schema (see :mod:`nlp.schema.document`)."""

from nlp.schema.document import *  # noqa: F403
from nlp.schema.document import __all__  # noqa: F401
