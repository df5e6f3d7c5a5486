"""Fixtures shared by the test modules.

``recogniser`` is the default recogniser (packaged vocabulary, miRNA table and the open
lexicon as ``$EXOKG_LEXICON`` says), built once for the session: it holds no state a test
could change (a frozen dataclass whose only memo is of deterministic name look-ups). A module
that needs another recogniser (its own lexicon, the lexicon required) defines its own
``recogniser`` fixture, which takes precedence over this one.
"""

from __future__ import annotations

import pytest

from exokg.recognise import Recogniser


@pytest.fixture(scope="session")
def recogniser() -> Recogniser:
    """The default recogniser, shared by every test module that does not define its own."""
    return Recogniser.default()
