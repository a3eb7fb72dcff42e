"""Signed approvals that bind the content (docs/governance.md).

The office's policy (off, all channels, chosen channels) and its approvers (name, NIP,
position, public key) live in ``<config>/approvals.json``, copied to every machine. "Request
approval" writes a review package (the post, what goes out per channel, its rendered images and
the fingerprint) and a sign-off sheet; the approver signs a decision with the Ed25519 key in their
own keyring; the drafter imports it. Publishing asks :meth:`Approvals.gate` (the engine does, at
the start of every publish), which recomputes the fingerprint: any change since the approval, an
expired approval, one by the drafter, by a key not on the list or for another post is refused.
"""

from __future__ import annotations

import base64
import binascii
import getpass
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from composer.core.governance import keys
from composer.core.governance.fingerprint import Manifest, manifest
from composer.core.i18n import UserError, _
from composer.core.post import MediaRef, Post, from_dict, to_dict
from composer.core.registry import Registry

SETTINGS_FILE = "approvals.json"
PACKAGE_FORMAT = "siaran-review/1"
DECISION_FORMAT = "siaran-approval/1"
PASTE_PREFIX = "SIARAN-APPROVAL:"


class NotApproved(UserError):
    """Publishing refused: the policy wants an approval this post does not have."""

    exit_code = 1


class BadApproval(UserError):
    """A decision file that is forged, altered, foreign or for something else."""

    exit_code = 1


@dataclass
class Approver:
    name: str
    key: str  # ed25519:<base64>
    nip: str = ""
    position: str = ""


@dataclass
class ApprovalSettings:
    policy: str = "off"  # off | all | channels
    channels: list[str] = field(default_factory=list)  # with policy "channels"
    expiry_days: int = 7
    approvers: list[Approver] = field(default_factory=list)
    levels: int = 1  # approvals from different approvers a post needs (paraf berjenjang)

    def covers(self, targets: Iterable[tuple[str, str]]) -> list[str]:
        """The targets ((account, platform) pairs) that need an approval under the policy."""
        if self.policy == "all":
            return [account for account, _platform in targets]
        if self.policy == "channels":
            wanted = set(self.channels)
            return [a for a, p in targets if a in wanted or p in wanted]
        return []

    def approver(self, name: str) -> Approver | None:
        return next((a for a in self.approvers if a.name.casefold() == name.casefold()), None)

    @classmethod
    def load(cls, config: Path) -> ApprovalSettings:
        try:
            data = json.loads((config / SETTINGS_FILE).read_text(encoding="utf-8"))
            return cls(policy=data.get("policy", "off"), channels=list(data.get("channels", [])),
                       expiry_days=int(data.get("expiry_days", 7)),
                       levels=max(1, int(data.get("levels", 1))),
                       approvers=[Approver(**a) for a in data.get("approvers", [])])
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError, TypeError):
            # a damaged file must not open the gate: nobody may publish until it is fixed
            raise UserError(_("The approval settings ({file}) cannot be read; fix or import "
                              "them again", file=config / SETTINGS_FILE)) from None

    def save(self, config: Path) -> None:
        config.mkdir(parents=True, exist_ok=True)
        target = config / SETTINGS_FILE
        temporary = target.with_suffix(".json.tmp")
        temporary.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n",
                             encoding="utf-8")
        os.replace(temporary, target)


@dataclass(frozen=True)
class Decision:
    post: str
    fingerprint: str
    targets: tuple[str, ...]
    decision: str  # approve | reject
    approver: str
    drafter: str
    comment: str
    at: str  # ISO 8601 UTC
    key: str  # the signer's public key
    signature: str  # base64

    def payload(self) -> bytes:
        data = {k: v for k, v in asdict(self).items() if k not in ("signature",)}
        data["targets"] = list(self.targets)
        data["format"] = DECISION_FORMAT
        return json.dumps(data, sort_keys=True, ensure_ascii=False,
                          separators=(",", ":")).encode("utf-8")

    @property
    def moment(self) -> datetime:
        return datetime.fromisoformat(self.at)

    def to_json(self) -> str:
        return json.dumps({"format": DECISION_FORMAT, **asdict(self)}, ensure_ascii=False,
                          indent=2) + "\n"

    def to_paste(self) -> str:
        """The decision as one line short enough for a chat message."""
        compact = json.dumps({"format": DECISION_FORMAT, **asdict(self)}, ensure_ascii=False,
                             separators=(",", ":"))
        return PASTE_PREFIX + base64.urlsafe_b64encode(compact.encode()).decode().rstrip("=")

    @classmethod
    def parse(cls, text: str) -> Decision:
        value = text.strip()
        try:
            if value.startswith(PASTE_PREFIX):
                body = value[len(PASTE_PREFIX):]
                value = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)).decode()
            data = json.loads(value)
            if data.pop("format", None) != DECISION_FORMAT:
                raise ValueError
            data["targets"] = tuple(data["targets"])
            return cls(**data)
        except (ValueError, TypeError, KeyError, binascii.Error, UnicodeDecodeError):
            raise BadApproval(_("This is not a Siaran approval")) from None


@dataclass(frozen=True)
class Status:
    needed: bool  # the policy wants an approval for these targets
    approved: bool
    reason: str  # one line for the officer
    decision: Decision | None = None


class Approvals:
    """The approval service of one installation."""

    def __init__(self, config: Path, data: Path, registry: Registry,
                 platform_of: Callable[[str], str], secrets: Callable[[], object],
                 media_file: Callable[[MediaRef], Path] | None = None,
                 record: Callable[..., object] | None = None,
                 hold_started: Callable[[], datetime | None] | None = None):
        self.config = config
        self.folder = data / "approvals"
        self.registry = registry
        self.platform_of = platform_of
        self._secrets = secrets
        self.media_file = media_file
        self.record = record or (lambda *args, **kwargs: None)
        self.hold_started = hold_started or (lambda: None)

    # -- settings and identity -------------------------------------------------------------

    def settings(self) -> ApprovalSettings:
        return ApprovalSettings.load(self.config)

    def save_settings(self, settings: ApprovalSettings) -> None:
        settings.save(self.config)

    def set_policy(self, value: str) -> ApprovalSettings:
        settings = self.settings()
        if value in ("off", "all"):
            settings.policy, settings.channels = value, []
        else:
            names = [v.strip() for v in value.split(",") if v.strip()]
            if not names:
                raise UserError(_("Give off, all, or channels separated by commas"))
            settings.policy, settings.channels = "channels", names
        self.save_settings(settings)
        self.record("policy", policy=settings.policy, channels=settings.channels)
        return settings

    def add_approver(self, name: str, key: str, nip: str = "", position: str = "") -> None:
        settings = self.settings()
        if settings.approver(name):
            raise UserError(_("'{name}' is already an approver", name=name))
        settings.approvers.append(Approver(name.strip(), keys.check_public(key.strip()), nip,
                                           position))
        self.save_settings(settings)
        self.record("approver added", name=name)

    def remove_approver(self, name: str) -> None:
        settings = self.settings()
        found = settings.approver(name)
        if found is None:
            raise UserError(_("'{name}' is not an approver", name=name))
        settings.approvers.remove(found)
        self.save_settings(settings)
        self.record("approver removed", name=name)

    def identity(self) -> str:
        """Who works at this computer: the name given to ``siaran keys create`` here, else the
        system's login name."""
        try:
            return str(json.loads((self.config / "identity.json").read_text("utf-8"))["name"])
        except (OSError, ValueError, KeyError, TypeError):
            return getpass.getuser()

    def create_key(self, name: str) -> str:
        public = keys.create(name, self._secrets())
        (self.config).mkdir(parents=True, exist_ok=True)
        (self.config / "identity.json").write_text(json.dumps({"name": name}) + "\n", "utf-8")
        self.record("key created", name=name, key=public)
        return public

    def prove_approver(self, name: str | None = None) -> str:
        """The approver working here, proven by their key in this keyring (a signature the
        approver list's public key verifies); NotApproved otherwise."""
        who = name or self.identity()
        approver = self.settings().approver(who)
        if approver is None:
            raise NotApproved(_("Only an approver can do this; '{name}' is not on the office's "
                                "list of approvers", name=who))
        challenge = os.urandom(32)
        signature, _public = keys.sign(approver.name, self._secrets(), challenge)
        if not keys.verify(approver.key, signature, challenge):
            raise NotApproved(_("The key in this computer's keyring is not {name}'s key on the "
                                "approver list", name=approver.name))
        return approver.name

    # -- the fingerprint -------------------------------------------------------------------

    def manifest(self, post: Post, targets: Iterable[str] | None = None,
                 render_dir: Path | None = None) -> Manifest:
        chosen = post.copy()
        chosen.id = post.id
        if targets is not None:
            chosen.channels = list(targets)
        if not chosen.channels:
            raise UserError(_("Name the post's channels first: an approval binds where it goes"))
        return manifest(chosen, self.registry, self.platform_of, self.media_file, render_dir)

    # -- request, decide, import ------------------------------------------------------------

    def request(self, post: Post, package: Path, *, drafter: str | None = None,
                office: str = "") -> dict[str, Any]:
        """Write the review package (the post, what goes out, its rendered images as
        base64, the fingerprint) and remember the request; returns the package's data."""
        import tempfile

        with tempfile.TemporaryDirectory(prefix="siaran-review-") as scratch:
            found = self.manifest(post, render_dir=Path(scratch))
            images = {channel: [base64.b64encode(p.read_bytes()).decode() for p in paths]
                      for channel, paths in found.images.items()}
        data = {"format": PACKAGE_FORMAT, "post": to_dict(post), "manifest": found.data,
                "fingerprint": found.fingerprint, "drafter": drafter or self.identity(),
                "office": office, "requested_at": _now().isoformat(), "images": images}
        _write(package, json.dumps(data, ensure_ascii=False) + "\n")
        history = self._history(post.id)
        history["requests"].append({"fingerprint": found.fingerprint,
                                    "drafter": data["drafter"], "at": data["requested_at"],
                                    "targets": found.data["targets"]})
        self._save_history(post.id, history)
        self.record("approval requested", post=post.id, fingerprint=found.fingerprint,
                    drafter=data["drafter"])
        return data

    @staticmethod
    def read_package(path: Path) -> dict[str, Any]:
        """A review package, checked: its images and its manifest give its fingerprint."""
        import hashlib

        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            if data.get("format") != PACKAGE_FORMAT:
                raise ValueError
            found = Manifest(data["manifest"], {})
            if found.fingerprint != data["fingerprint"]:
                raise ValueError
            for channel, images in data.get("images", {}).items():
                hashes = [hashlib.sha256(base64.b64decode(i)).hexdigest() for i in images]
                if hashes != data["manifest"]["channels"][channel]["media"][:len(hashes)]:
                    raise ValueError
            from_dict(data["post"])
        except (OSError, ValueError, KeyError, TypeError, binascii.Error):
            raise BadApproval(_("{file} is not an intact Siaran review package",
                                file=path)) from None
        return dict(data)

    def decide(self, package: Path, name: str, *, reject: bool = False,
               comment: str = "") -> Decision:
        """The approver's signed decision on a review package (the key from their keyring)."""
        data = self.read_package(package)
        settings = self.settings()
        approver = settings.approver(name)
        if approver is None:
            raise NotApproved(_("'{name}' is not on the office's list of approvers", name=name))
        if approver.name.casefold() == str(data["drafter"]).casefold():
            raise NotApproved(_("{name} drafted this post and cannot approve it; another "
                                "approver must", name=approver.name))
        unsigned = Decision(post=data["post"]["id"], fingerprint=data["fingerprint"],
                            targets=tuple(data["manifest"]["targets"]),
                            decision="reject" if reject else "approve", approver=approver.name,
                            drafter=data["drafter"], comment=comment,
                            at=_now().isoformat(), key="", signature="")
        # the key is part of what is signed: sign with the placeholder, then for real
        secrets = self._secrets()
        _signature, public = keys.sign(approver.name, secrets, b"")
        if public != approver.key:
            raise NotApproved(_("The key in this computer's keyring is not {name}'s key on the "
                                "approver list", name=approver.name))
        keyed = _replace(unsigned, key=public)
        signature, _public = keys.sign(approver.name, secrets, keyed.payload())
        decision = _replace(keyed, signature=base64.b64encode(signature).decode())
        self.record("approval " + ("rejected" if reject else "granted"), post=decision.post,
                    fingerprint=decision.fingerprint, approver=decision.approver,
                    comment=comment)
        return decision

    def verify(self, decision: Decision, settings: ApprovalSettings | None = None) -> Approver:
        """The approver whose key signed ``decision``; BadApproval otherwise."""
        settings = settings or self.settings()
        approver = settings.approver(decision.approver)
        if approver is None or approver.key != decision.key:
            raise BadApproval(_("This approval was signed by a key that is not on the office's "
                                "approver list"))
        try:
            signature = base64.b64decode(decision.signature, validate=True)
        except (binascii.Error, ValueError):
            signature = b""
        if not keys.verify(approver.key, signature, decision.payload()):
            raise BadApproval(_("This approval's signature does not match its content: it was "
                                "altered or forged"))
        if approver.name.casefold() == decision.drafter.casefold():
            raise BadApproval(_("{name} drafted this post and cannot approve it",
                                name=approver.name))
        return approver

    def import_decision(self, text: str) -> Decision:
        """Check a decision (file content or pasted line) and keep it. Refused with one line
        when it is forged, altered, foreign, by the drafter or for another post."""
        decision = Decision.parse(text)
        self.verify(decision)
        history = self._history(decision.post)
        asked = [r for r in history["requests"] if r["fingerprint"] == decision.fingerprint]
        if not asked:
            raise BadApproval(_("This approval is for another post, or for another version of "
                                "it, than any approval requested here"))
        if asked[-1]["drafter"].casefold() != decision.drafter.casefold():
            raise BadApproval(_("This approval names another drafter than the request"))
        history["decisions"].append(json.loads(decision.to_json()))
        self._save_history(decision.post, history)
        self.record("approval imported", post=decision.post, approver=decision.approver,
                    decision=decision.decision, fingerprint=decision.fingerprint)
        return decision

    # -- the gate ---------------------------------------------------------------------------

    def status(self, post: Post, targets: Iterable[tuple[str, str]],
               now: datetime | None = None) -> Status:
        settings = self.settings()
        pairs = list(targets)
        needed = settings.covers(pairs)
        if not needed:
            return Status(False, True, _("No approval needed"))
        who = self._who(settings, post)
        moment = now or _now()
        hold = self.hold_started()
        newest_reason = _("{post} needs the approval of {who}", post=post.id, who=who)
        granted: dict[str, Decision] = {}  # approver -> their valid approval (paraf berjenjang)
        fingerprints: dict[tuple[str, ...], str] = {}
        for raw in reversed(self._history(post.id)["decisions"]):
            try:
                decision = Decision.parse(json.dumps({"format": DECISION_FORMAT, **{
                    k: v for k, v in raw.items() if k != "format"}}))
                self.verify(decision, settings)
            except BadApproval:
                continue
            if not all(a in decision.targets or p in decision.targets
                       for a, p in pairs if a in needed):
                continue  # approved for other channels than these
            if decision.decision == "reject":
                return Status(True, False, _("{approver} rejected this post: {comment}",
                                             approver=decision.approver,
                                             comment=decision.comment or "-"), decision)
            if moment - decision.moment > timedelta(days=settings.expiry_days):
                newest_reason = _("The approval by {approver} expired; {who} must approve "
                                  "again", approver=decision.approver, who=who)
                continue
            if hold is not None and decision.moment < hold:
                newest_reason = _("Approvals given before the crisis hold are void; {who} "
                                  "must approve again", who=who)
                continue
            key = tuple(decision.targets)
            if key not in fingerprints:  # rendering once per set of targets
                fingerprints[key] = self.manifest(post, decision.targets).fingerprint
            if fingerprints[key] != decision.fingerprint:
                newest_reason = _("The post changed after {approver} approved it; {who} must "
                                  "approve it again", approver=decision.approver, who=who)
                continue
            granted.setdefault(decision.approver.casefold(), decision)
            if len(granted) >= settings.levels:
                names = ", ".join(d.approver for d in reversed(granted.values()))
                return Status(True, True, _("Approved by {approver}", approver=names), decision)
        if granted:
            missing = settings.levels - len(granted)
            return Status(True, False, _(
                "Approved by {approver}; {count} more approval(s) needed, from {who}",
                approver=", ".join(d.approver for d in granted.values()), count=missing,
                who=self._who(settings, post, exclude=set(granted))))
        return Status(True, False, newest_reason)

    def approvals_before(self, post_id: str, account: str, platform: str,
                         moment: datetime) -> list[Decision]:
        """The approvals kept for ``post_id`` that covered ``account`` (or its platform) and
        were given by ``moment``, oldest first: who approved what went out, for the monthly
        report. Each was verified when it was kept; its signature is checked again here so an
        edited file shows nothing (an approver removed since still counts: it is history)."""
        found = []
        for raw in self._history(post_id)["decisions"]:
            try:
                decision = Decision.parse(json.dumps({"format": DECISION_FORMAT, **{
                    k: v for k, v in raw.items() if k != "format"}}))
                signature = base64.b64decode(decision.signature, validate=True)
            except (BadApproval, binascii.Error, ValueError):
                continue
            # to the second: the journal keeps whole seconds, so an approval given in the same
            # second as the send (a quick officer, a fast machine) still counts as before it
            if (decision.decision == "approve" and decision.moment.replace(microsecond=0) <= moment
                    and (account in decision.targets or platform in decision.targets)
                    and keys.verify(decision.key, signature, decision.payload())):
                found.append(decision)
        return found

    def gate(self, post: Post, targets: Iterable[tuple[str, str]]) -> None:
        """Raise NotApproved (one line naming who must approve) unless the policy is met."""
        found = self.status(post, targets)
        if found.needed and not found.approved:
            raise NotApproved(found.reason)

    def _who(self, settings: ApprovalSettings, post: Post, exclude: set[str] | None = None) -> str:
        drafters = {r["drafter"].casefold() for r in self._history(post.id)["requests"][-1:]}
        drafters |= exclude or set()
        names = [a.name for a in settings.approvers if a.name.casefold() not in drafters]
        if not names:
            return _("an approver (none is on the list yet: siaran approvers add)")
        return _(" or ").join(names) if len(names) <= 3 else ", ".join(names[:3]) + " …"

    # -- storage ----------------------------------------------------------------------------

    def _history(self, post_id: str) -> dict[str, Any]:
        path = self.folder / f"{_safe(post_id)}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return {"requests": list(data.get("requests", [])),
                    "decisions": list(data.get("decisions", []))}
        except FileNotFoundError:
            return {"requests": [], "decisions": []}
        except (OSError, ValueError):
            return {"requests": [], "decisions": []}

    def _save_history(self, post_id: str, history: dict[str, Any]) -> None:
        _write(self.folder / f"{_safe(post_id)}.json",
               json.dumps(history, ensure_ascii=False, indent=2) + "\n")


def platform_finder(registry: Registry, find_account: Callable[[str], Any]) -> Callable[[str], str]:
    """A target's platform: a channel id as it is, else the named account's platform."""
    def platform_of(name: str) -> str:
        if name in registry:
            return name
        account = find_account(name)
        if account is None:
            raise UserError(_("Unknown channel or account '{name}'", name=name))
        return str(account.platform)
    return platform_of


def _no_secrets() -> object:
    raise RuntimeError("the publish gate only verifies; it never signs")


def engine_gate(config: Path, data: Path, registry: Registry, find_account: Callable[[str], Any],
                media_file: Callable[[MediaRef], Path] | None,
                hold_started: Callable[[], datetime | None] | None = None,
                ) -> Callable[[Post, list[tuple[str, str]]], None]:
    """The check an engine makes before it sends anything (every publish path goes through
    it): nothing to do when the policy is off, else the full fingerprint comparison."""
    approvals = Approvals(config, data, registry, platform_finder(registry, find_account),
                          _no_secrets, media_file, hold_started=hold_started)
    return approvals.gate


def _replace(decision: Decision, **changes: Any) -> Decision:
    from dataclasses import replace

    return replace(decision, **changes)


def _safe(post_id: str) -> str:
    return "".join(c for c in post_id if c.isalnum() or c in "-_") or "post"


def _now() -> datetime:
    return datetime.now(UTC)


def _write(path: Path, text: str) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        raise UserError(_("Cannot write {file}: {reason}", file=path,
                          reason=exc.strerror)) from None
