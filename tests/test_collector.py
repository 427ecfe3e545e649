"""The cyclic collector paused while documents are read: given back exactly as it was, whatever the threads."""

from __future__ import annotations

import gc
import threading

import pytest

from obligations import collector


@pytest.fixture(autouse=True)
def collector_enabled():
    gc.enable()
    yield
    gc.enable()


def test_paused_inside_and_given_back_after_even_on_an_error() -> None:
    with pytest.raises(ValueError), collector.paused():
        assert not gc.isenabled()
        raise ValueError("a damaged file")
    assert gc.isenabled()


def test_a_collector_someone_else_disabled_stays_disabled() -> None:
    gc.disable()
    with collector.paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_two_threads_overlapping_the_collector_runs_again_only_when_both_are_out() -> None:
    inside, leave_first = threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with collector.paused():
            inside.set()
            leave_first.wait(5)
        seen.append(gc.isenabled())  # the main thread is still inside: paused

    thread = threading.Thread(target=first)
    thread.start()
    assert inside.wait(5)
    with collector.paused():
        leave_first.set()
        thread.join(5)
        assert not gc.isenabled()
    assert seen == [False]
    assert gc.isenabled()
