"""Signed approvals end to end through the CLI: keys, approvers, policy, review package and
sign-off sheet, approve, import, and the engine's gate on publish. Every way to get around an
approval (edit after it, forge or alter it, a key not on the list, the drafter, another post,
an expired one) is refused with one line."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from PIL import Image

from composer import cli
from composer.core import post as post_model
from composer.core.governance.approvals import Decision


class TTYless(io.StringIO):
    def isatty(self):
        return False


def run(capsys, monkeypatch, *argv, stdin=""):
    monkeypatch.setattr("sys.stdin", TTYless(stdin))
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def office(siaran_home, in_memory_keyring, tmp_path, capsys, monkeypatch):
    """An office with two approvers (Budi, Sari), approval required for all channels, and a
    post with a photo going to the folder channel and Mastodon."""
    def do(*argv, stdin=""):
        return run(capsys, monkeypatch, *argv, stdin=stdin)

    keys = {}
    for name in ("Budi", "Sari", "Eve"):
        code, out, _err = do("keys", "create", "--name", name)
        assert code == 0
        keys[name] = out.strip().splitlines()[-1]
    for name in ("Budi", "Sari"):
        assert do("approvers", "add", name, "--key", keys[name], "--nip", "1987",
                  "--position", "Kepala Bidang")[0] == 0
    assert do("approvals", "policy", "all")[0] == 0
    photo = tmp_path / "foto.jpg"
    Image.new("RGB", (900, 600), (20, 110, 170)).save(photo)
    post = post_model.Post(text="Pelayanan KTP elektronik dibuka Senin pukul 08.00 WIB.",
                           channels=["folder", "mastodon"])
    post.media.append(post_model.MediaRef(str(photo), alt="Petugas melayani warga"))
    post.variant("mastodon").override("text", "Layanan KTP-el dibuka Senin 08.00 WIB #Sleman")
    path = tmp_path / "post.toml"
    post_model.save(post, path)
    return do, path, tmp_path, keys


def review(do, path, tmp, by="Ani"):
    code, out, err = do("review", path, "--pdf", tmp / "sheet.pdf", "--package",
                        tmp / "review.json", "--by", by)
    assert code == 0, err
    return out


def approve(do, tmp, name="Budi", *extra):
    code, out, err = do("approve", tmp / "review.json", "--as", name, "--out",
                        tmp / "decision.json", *extra)
    return code, out, err


def publish(do, path, tmp):
    return do("publish", path, "--to", "folder", "--out", tmp / "out")


def test_publish_waits_for_the_approval_then_goes(office):
    do, path, tmp, _keys = office
    code, _out, err = do("keys", "create", "--name", "Budi")  # never a second, orphaning key
    assert code == 2 and "already holds" in err
    code, _out, err = publish(do, path, tmp)
    assert code == 1 and err.count("\n") == 1 and "Budi or Sari" in err
    review(do, path, tmp)
    code, out, _err = approve(do, tmp)
    assert code == 0 and out.strip().splitlines()[-1].startswith("SIARAN-APPROVAL:")
    code, out, err = do("approvals", "import", tmp / "decision.json")
    assert code == 0, err
    assert "Budi" in out
    code, out, err = publish(do, path, tmp)
    assert code == 0, err
    assert list((tmp / "out").rglob("*.md")) or list((tmp / "out").iterdir())
    assert do("audit", "verify")[0] == 0
    month = datetime.now(UTC).strftime("%Y-%m")
    trail = do("audit", "export", "--month", month)[1]
    for action in ("approval requested", "approval granted", "approval imported",
                   "published"):
        assert action in trail


def test_the_pasted_line_imports_too(office):
    do, path, tmp, _keys = office
    review(do, path, tmp)
    _code, out, _err = approve(do, tmp)
    line = out.strip().splitlines()[-1]
    assert len(line) < 1500
    assert do("approvals", "import", "-", stdin=line)[0] == 0
    assert publish(do, path, tmp)[0] == 0


def test_an_edit_after_approval_voids_it(office):
    do, path, tmp, _keys = office
    review(do, path, tmp)
    approve(do, tmp)
    assert do("approvals", "import", tmp / "decision.json")[0] == 0
    post = post_model.load(path)
    post.text += " Bawa KK asli."
    post_model.save(post, path)
    code, _out, err = publish(do, path, tmp)
    assert code == 1 and "changed after Budi approved" in err


def test_an_alt_text_or_a_schedule_change_voids_it_too(office):
    do, path, tmp, _keys = office
    review(do, path, tmp)
    approve(do, tmp)
    do("approvals", "import", tmp / "decision.json")
    post = post_model.load(path)
    post.media[0].alt = "Foto lain"
    post_model.save(post, path)
    assert do("approvals", "status", path)[0] == 1


def test_a_rejection_is_said_with_its_comment(office):
    do, path, tmp, _keys = office
    review(do, path, tmp)
    assert approve(do, tmp, "Sari", "--reject")[0] == 2  # a rejection needs its reason
    assert approve(do, tmp, "Sari", "--reject", "--comment", "Ganti foto")[0] == 0
    assert do("approvals", "import", tmp / "decision.json")[0] == 0
    code, _out, err = publish(do, path, tmp)
    assert code == 1 and "Ganti foto" in err


def test_an_altered_decision_is_refused(office):
    do, path, tmp, _keys = office
    review(do, path, tmp)
    approve(do, tmp, "Sari", "--reject", "--comment", "Tidak")
    data = json.loads((tmp / "decision.json").read_text())
    data["decision"] = "approve"  # turn the rejection into an approval
    (tmp / "decision.json").write_text(json.dumps(data))
    code, _out, err = do("approvals", "import", tmp / "decision.json")
    assert code == 1 and "altered or forged" in err and err.count("\n") == 1
    assert publish(do, path, tmp)[0] == 1


def test_a_forged_decision_is_refused(office):
    do, path, tmp, _keys = office
    review(do, path, tmp)
    approve(do, tmp)
    data = json.loads((tmp / "decision.json").read_text())
    data["signature"] = data["signature"][:-8] + "AAAAAAA="
    (tmp / "decision.json").write_text(json.dumps(data))
    assert do("approvals", "import", tmp / "decision.json")[0] == 1
    assert do("approvals", "import", "-", stdin="not an approval")[0] == 1


def test_a_key_that_is_not_on_the_list_is_refused(office):
    do, path, tmp, keys = office
    review(do, path, tmp)
    code, _out, err = approve(do, tmp, "Eve")
    assert code == 1 and "not on the office's list" in err
    # Eve signs with her own key but writes Budi's name
    approve(do, tmp)
    data = json.loads((tmp / "decision.json").read_text())
    data["key"] = keys["Eve"]
    (tmp / "decision.json").write_text(json.dumps(data))
    code, _out, err = do("approvals", "import", tmp / "decision.json")
    assert code == 1 and "not on the office's approver list" in err


def test_the_drafter_never_approves_their_own_post(office):
    do, path, tmp, _keys = office
    review(do, path, tmp, by="Budi")
    code, _out, err = approve(do, tmp, "Budi")
    assert code == 1 and "drafted this post" in err
    code, _out, err = publish(do, path, tmp)
    assert code == 1 and "Sari" in err and "Budi" not in err


def test_an_approval_for_another_post_is_refused(office):
    do, path, tmp, _keys = office
    review(do, path, tmp)
    approve(do, tmp)
    other = post_model.load(path)
    other.id = "another-post"
    other_path = tmp / "other.toml"
    post_model.save(other, other_path)
    data = json.loads((tmp / "decision.json").read_text())
    data["post"] = "another-post"
    (tmp / "decision.json").write_text(json.dumps(data))
    assert do("approvals", "import", tmp / "decision.json")[0] == 1
    assert publish(do, other_path, tmp)[0] == 1


def test_an_expired_approval_is_refused(office):
    do, path, tmp, _keys = office
    from composer.commands import services

    review(do, path, tmp)
    approve(do, tmp)
    do("approvals", "import", tmp / "decision.json")
    approvals = services().approvals
    post = post_model.load(path)
    pairs = [("folder", "folder"), ("mastodon", "mastodon")]
    assert approvals.status(post, pairs).approved
    later = datetime.now(UTC) + timedelta(days=8)
    status = approvals.status(post, pairs, now=later)
    assert not status.approved and "expired" in status.reason


def test_the_package_is_checked_before_signing(office):
    do, path, tmp, _keys = office
    review(do, path, tmp)
    data = json.loads((tmp / "review.json").read_text())
    data["manifest"]["channels"]["folder"]["text"] = "Teks lain"
    (tmp / "review.json").write_text(json.dumps(data))
    code, _out, err = approve(do, tmp)
    assert code == 1 and "not an intact" in err


def test_the_sheet_holds_every_channel_and_the_fingerprint(office):
    do, path, tmp, _keys = office
    out = review(do, path, tmp)
    fingerprint = out.strip().splitlines()[-1].split()[-1]
    assert shutil.which("pdftotext"), "scripts/setup installs poppler-utils"
    text = subprocess.run(["pdftotext", "-layout", str(tmp / "sheet.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "NOTA DINAS" in text
    assert "Pelayanan KTP elektronik dibuka Senin pukul 08.00 WIB." in text
    assert "Layanan KTP-el dibuka Senin 08.00 WIB #Sleman" in text
    assert fingerprint[:32] in text and fingerprint[32:] in text
    assert "Budi" in text and "Sari" in text and "Initials" in text
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(tmp / "sheet.pdf"),
                    str(tmp / "sheet")], check=True)
    with Image.open(tmp / "sheet.png") as page:
        assert page.size[0] > 400
    package = json.loads((tmp / "review.json").read_text())
    assert package["fingerprint"] == fingerprint
    assert Decision  # the module's decision type is what import reads


def test_a_crisis_hold_stops_publishing_and_voids_earlier_approvals(office):
    do, path, tmp, _keys = office
    review(do, path, tmp)
    approve(do, tmp)
    assert do("approvals", "import", tmp / "decision.json")[0] == 0
    code, out, _err = do("hold", "--reason", "Bencana banjir")
    assert code == 0 and "Bencana banjir" in out
    code, _out, err = publish(do, path, tmp)
    assert code == 1 and "crisis hold" in err and err.count("\n") == 1
    code, _out, err = do("release", "--as", "Eve")  # not an approver
    assert code == 1 and "Only an approver" in err
    assert do("release", "--as", "Budi")[0] == 0
    code, _out, err = publish(do, path, tmp)
    assert code == 1 and "before the crisis hold" in err
    review(do, path, tmp)
    approve(do, tmp, "Sari")
    assert do("approvals", "import", tmp / "decision.json")[0] == 0
    assert publish(do, path, tmp)[0] == 0


def test_resume_waits_for_the_end_of_a_hold(office):
    from composer.commands import services
    from composer.core.governance.hold import OnHold

    do, _path, _tmp, _keys = office
    assert do("hold", "--reason", "Kerusuhan")[0] == 0
    with pytest.raises(OnHold):
        services().engine.resume()
    code, _out, err = do("resume")
    assert code == 1 and "crisis hold" in err


def test_two_levels_need_two_different_approvers(office):
    do, path, tmp, _keys = office
    assert do("approvals", "policy", "all", "--levels", "2")[0] == 0
    review(do, path, tmp)
    approve(do, tmp, "Budi")
    assert do("approvals", "import", tmp / "decision.json")[0] == 0
    code, _out, err = publish(do, path, tmp)
    assert code == 1 and "1 more approval" in err and "Sari" in err
    approve(do, tmp, "Sari")
    assert do("approvals", "import", tmp / "decision.json")[0] == 0
    assert publish(do, path, tmp)[0] == 0
