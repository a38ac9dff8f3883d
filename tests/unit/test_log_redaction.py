"""Every log record redacted when it is made (bot/log_redaction.py): the
message with its arguments, and the traceback."""
import io
import logging

import pytest

from bot import log_redaction


@pytest.fixture
def log():
    old = logging.getLogRecordFactory()
    log_redaction.install()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger = logging.getLogger(f"test-{id(stream)}")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield logger, stream
    logging.setLogRecordFactory(old)


def test_a_logged_message_and_its_arguments_are_redacted(log):
    logger, stream = log
    logger.info("text=%s", "mevrouw Jansen belt 06-12345678, BSN 111222333")
    assert stream.getvalue() == "text=mevrouw [NAAM] belt [TELEFOON], BSN [BSN]\n"


def test_a_traceback_is_redacted(log):
    logger, stream = log
    try:
        raise ValueError({"request_body": {"text": "mijn cliënt Piet de Vries, piet@voorbeeld.nl"}})
    except ValueError:
        logger.exception("Actie mislukt")
    assert "Traceback" in stream.getvalue() and "[E-MAIL]" in stream.getvalue()
    assert "Vries" not in stream.getvalue() and "piet@" not in stream.getvalue()


def test_installing_twice_redacts_once(log):
    logger, stream = log
    log_redaction.install()
    logger.info("[NAAM] en mevrouw Bakker")
    assert stream.getvalue() == "[NAAM] en mevrouw [NAAM]\n"
