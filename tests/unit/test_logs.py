"""The log file and the redaction of secrets from every log record."""

from __future__ import annotations

import logging

import pytest

from composer.core import logs
from composer.core.paths import app_paths


@pytest.fixture
def log_file():
    path = logs.setup_logging(app_paths().ensure())
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_siaran", None) == str(path):
            root.removeHandler(handler)
            handler.close()


def _flush():
    for handler in logging.getLogger().handlers:
        handler.flush()


def test_log_records_go_to_the_file_in_the_logs_folder(log_file, siaran_home):
    assert log_file.parent == app_paths().logs
    logging.getLogger("siaran.test").info("terbit ke %s", "folder")
    _flush()
    assert "INFO siaran.test: terbit ke folder" in log_file.read_text(encoding="utf-8")
    assert logs.setup_logging(app_paths()) == log_file  # again: no second handler
    assert sum(getattr(h, "_siaran", None) == str(log_file)
               for h in logging.getLogger().handlers) == 1


def test_a_registered_secret_never_reaches_the_file(log_file):
    secret = "EAAGm0PX4ZCpsBAKZB-secret/+=token"
    logs.redact(secret)
    log = logging.getLogger("siaran.test")
    log.info("token %s", secret)                        # in the arguments
    log.info(f"inline {secret}")                        # in the message itself
    log.info("form %s", "access_token=" +
             "EAAGm0PX4ZCpsBAKZB-secret%2F%2B%3Dtoken")  # URL-encoded, in a form body
    log.info("body %s", {"password": secret})           # inside a repr
    try:
        raise RuntimeError(f"the server rejected {secret}")
    except RuntimeError:
        log.exception("publish failed")                 # in the exception text
    log.warning("stack", stack_info=True, extra={"note": "x"})
    _flush()
    text = log_file.read_text(encoding="utf-8")
    assert secret not in text and "EAAGm0PX4ZCpsBAKZB" not in text
    assert text.count("***") >= 5
    assert "RuntimeError: the server rejected ***" in text
    assert "publish failed" in text


def test_redaction_reaches_handlers_it_did_not_set_up(caplog):
    logs.redact("hunter2-but-longer")
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("httpx").debug("Authorization: Bearer %s", "hunter2-but-longer")
    assert caplog.records[-1].getMessage() == "Authorization: Bearer ***"
    assert "hunter2-but-longer" not in caplog.text


def test_a_secret_inside_another_is_masked_whole():
    logs.redact("abcd1234")
    logs.redact("xxabcd1234yy")
    assert logs.scrub("key xxabcd1234yy and abcd1234") == "key *** and ***"


def test_tiny_strings_are_not_treated_as_secrets():
    logs.redact("ab")
    logs.redact("")
    logs.redact(None)
    assert logs.scrub("a b ab abc") == "a b ab abc"


def test_bad_format_arguments_still_come_out_redacted(caplog):
    logs.redact("zz-secret-zz")
    with caplog.at_level(logging.INFO):
        logging.getLogger("siaran.test").info("%s %s", "zz-secret-zz")  # one arg missing
    assert "zz-secret-zz" not in caplog.text
    assert "***" in caplog.records[-1].getMessage()


def test_a_secret_is_masked_as_a_whole_value_never_inside_ordinary_words(log_file):
    logs.redact("rahasia")
    logging.getLogger("siaran.test").info(
        "token=rahasia&x=1; informasi rahasia; kerahasiaan; rahasia_kantor; rahasia2")
    _flush()
    line = log_file.read_text(encoding="utf-8")
    assert "token=***&x=1" in line and "informasi ***;" in line
    assert "kerahasiaan" in line and "rahasia_kantor" in line and "rahasia2" in line


def test_query_strings_never_reach_the_log(log_file):
    logging.getLogger("httpx").info(
        'HTTP Request: POST https://portal.example.go.id/wp-json/wp/v2/media?alt_text=Ibu%20Siti'
        '%20NIK%203404&status=publish "HTTP/1.1 201 Created"')
    _flush()
    text = log_file.read_text(encoding="utf-8")
    assert "https://portal.example.go.id/wp-json/wp/v2/media?…" in text
    assert "Siti" not in text and "3404" not in text and "201 Created" in text


WRITER = r"""
import logging, os, sys, time
from composer.core import logs
from composer.core.paths import app_paths
logs.MAX_BYTES = 40_000
path = logs.setup_logging(app_paths().ensure())
for handler in logging.getLogger().handlers:
    if getattr(handler, "_siaran", None) == str(path):
        handler.maxBytes = 40_000
log = logging.getLogger("siaran.writer")
while not os.path.exists(sys.argv[3]):  # all three start writing together
    time.sleep(0.01)
for i in range(int(sys.argv[2])):
    log.info("%s line %05d %s", sys.argv[1], i, "x" * 60)
    if i % 5 == 0:
        time.sleep(0.002)  # interleave with the other writers
"""


def test_processes_sharing_the_log_rotate_it_once_and_lose_no_line(tmp_path, siaran_home):
    import os
    import subprocess
    import sys

    env = {**os.environ, "SIARAN_HOME": str(siaran_home)}
    lines = 500  # about 60 kB from each writer: 180 kB in all, within the 6 files of 40 kB kept
    go = tmp_path / "go"
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, name, str(lines), str(go)], env=env)
               for name in ("app", "cli", "agent")]
    import time

    time.sleep(1.5)  # let all three start
    go.touch()
    for w in writers:
        assert w.wait(60) == 0
    folder = app_paths().logs
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("siaran.log*"))
                   if not p.name.endswith(".lock"))
    for name in ("app", "cli", "agent"):
        seen = {int(line.split(" line ")[1][:5]) for line in text.splitlines()
                if f" {name} line " in line}
        assert seen == set(range(lines)), f"{name} lost {lines - len(seen)} lines"
