"""The app's extraction worker: runs calls in another process, passes errors through, survives a crash."""

from __future__ import annotations

import os

import pytest

from timeline.errors import DecodeError, WorkerError
from timeline.views.offload import Extractor
from timeline.views.uploads import document_from_upload, extract_uploads


@pytest.fixture(scope="module")
def extractor():
    worker = Extractor(max_tasks=2)
    yield worker
    worker.close()


def test_extraction_runs_in_another_process_and_returns_its_result(extractor):
    assert extractor.run(os.getpid) != os.getpid()
    extraction = extractor.run(extract_uploads, [("a.txt", "2021年6月以来，自贡市正式启动对口帮扶巴中市平昌县工作。".encode())])
    assert [(e.donors[0].name, e.recipients[0].name) for e in extraction.events] == [("自贡市", "平昌县")]


def test_an_error_in_the_worker_is_raised_here_with_its_message(extractor):
    with pytest.raises(DecodeError, match="photo.txt"):
        extractor.run(document_from_upload, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x01")


def test_the_worker_is_replaced_after_its_calls_and_after_a_crash():
    extractor = Extractor(max_tasks=2)
    try:
        first = {extractor.run(os.getpid) for _ in range(2)}
        assert len(first) == 1 and os.getpid() not in first
        assert extractor.run(os.getpid) not in first  # a fresh process after max_tasks calls: memory given back
        with pytest.raises(WorkerError, match="stopped before it finished"):
            extractor.run(os._exit, 3)
        assert extractor.run(os.getpid) > 0  # the next call starts a new worker
    finally:
        extractor.close()
