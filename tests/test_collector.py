"""The cyclic collector paused around the answer writer is switched on again afterwards,
also when the writer fails, and left off when it was off."""

import gc

import pytest

from exokg.collector import collector_paused


def test_on_again_after_an_error():
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        with collector_paused():
            assert not gc.isenabled()
            raise RuntimeError("the writer failed")
    assert gc.isenabled()


def test_left_off_when_it_was_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_nested_blocks_switch_it_on_once_the_outer_ends():
    with collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
