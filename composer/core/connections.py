"""Adding accounts the platform has vouched for, and keeping their sign-ins alive.

One service for the CLI (`siaran accounts add`, `siaran sign-in`, `siaran accounts list|renew`)
and the window's Accounts screen:

- ``add``: an app-password channel (WordPress, Bluesky, Telegram ...) is asked whose account the
  credentials open *before* anything is saved, so a wrong password never becomes an account;
- ``sign_in``: the browser sign-in of a Connectable channel (composer.core.oauth underneath),
  with progress, cancel, a timeout, the address to show when no browser opens and the officer's
  pick of page or organisation; the tokens go to the keyring only;
- ``statuses``/``notices``: when each sign-in ends, and the warnings a week ahead and on the day;
- ``renew_due``: sign-ins that can be renewed (refresh tokens, Meta's long-lived tokens) are
  renewed a week before they end;
- ``avatar``: the account's picture, fetched once and kept in the cache.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from composer.core.accounts import NAME_PATTERN, Account, AccountError, missing_fields
from composer.core.adapters import AccountInfo, ChooseFn, Connectable, Renewable
from composer.core.i18n import UserError, _
from composer.core.outcome import Target

if TYPE_CHECKING:  # pragma: no cover
    from composer.core.accounts import Accounts
    from composer.core.office import OfficeProfile
    from composer.core.publish import Engine
    from composer.core.registry import Registry

log = logging.getLogger("siaran.connections")

DAY = 86400.0
WARN_AHEAD = 7 * DAY  # warn (or renew) this long before a sign-in ends
AVATAR_BYTES = 1_000_000  # a profile picture bigger than this is not one

ProgressFn = Callable[[str], None]  # one translated line: what the sign-in is doing now


class SignInState(StrEnum):
    LASTING = "lasting"  # no end the platform told us of (an app password, a page token)
    VALID = "valid"  # ends more than a week from now
    RENEWS = "renews"  # ends, but Siaran renews it before it does
    SOON = "soon"  # ends within a week and cannot be renewed
    TODAY = "today"  # ends today
    EXPIRED = "expired"


@dataclass(frozen=True)
class SignInStatus:
    account: str
    state: SignInState
    expires_at: float | None
    message: str  # one translated line for the officer ("" when nothing to say)

    @property
    def warns(self) -> bool:
        return self.state in (SignInState.SOON, SignInState.TODAY, SignInState.EXPIRED)


@dataclass(frozen=True)
class Renewal:
    account: str
    renewed: bool
    expires_at: float | None
    message: str  # translated: renewed until ..., or why not


class Connections:
    def __init__(self, accounts: Accounts, registry: Registry, engine: Callable[[], Engine],
                 office: Callable[[], OfficeProfile], cache_dir: Path):
        self.accounts, self.registry = accounts, registry
        self._engine, self._office = engine, office
        self.cache_dir = cache_dir

    # -- adding ------------------------------------------------------------------------------

    def check_new(self, name: str, platform: str, settings: Mapping[str, str],
                  secrets: Mapping[str, str]) -> None:
        """What can be refused before asking the platform: the name and the required fields."""
        self._check_name(name)
        spec = self.registry.get(platform).spec
        missing = missing_fields(spec, {**settings, **secrets})
        if missing:
            labels = {f.name: _(f.label) for f in spec.credentials}
            raise AccountError(_("{platform} needs: {fields}", platform=spec.name,
                                 fields=", ".join(labels[m] for m in missing)))

    def _check_name(self, name: str) -> None:
        if not name:
            raise AccountError(_("Give the account a name (letters, digits, '.', '_' or '-')"))
        if not NAME_PATTERN.match(name):
            raise AccountError(_("The account name '{name}' may use only letters, digits, '.', "
                                 "'_' and '-'", name=name))
        if self.accounts.find(name) is not None:
            raise AccountError(_("There is already an account named '{name}'", name=name))

    def verify(self, platform: str, settings: Mapping[str, str],
               secrets: Mapping[str, str]) -> AccountInfo | None:
        """Whose account these credentials open, asked of the platform without saving anything;
        None when the channel cannot tell. SignInRefused when the platform says no; UserError
        (its reason) when it cannot be reached."""
        from composer.core.adapters import Capability

        spec = self.registry.get(platform)
        if spec.adapter is None or not spec.spec.can(Capability.VERIFY):
            return None
        return self._engine().verify(Target("new-account", platform, dict(settings),
                                            dict(secrets), adhoc=True))

    def add(self, name: str, platform: str, settings: Mapping[str, str],
            secrets: Mapping[str, str], *, verify: bool = True) -> Account:
        """A typed-in account (app password, bot token ...), saved only once the platform has
        accepted it. ``verify=False`` (`--no-verify`) saves it unasked."""
        from composer.core.publish import SignInRefused

        self.check_new(name, platform, settings, secrets)
        info = None
        if verify:
            try:
                info = self.verify(platform, settings, secrets)
            except SignInRefused:
                raise
            except UserError as exc:
                raise AccountError(_(
                    "Could not ask {platform} whether it accepts these credentials ({reason}); "
                    "nothing was saved", platform=self.registry.get(platform).spec.name,
                    reason=exc)) from None
        return self._save(name, platform, settings, secrets, info)

    def sign_in(self, name: str, platform: str, settings: Mapping[str, str],
                secrets: Mapping[str, str] | None = None, *,
                open_browser: Callable[[str], bool] | None = None,
                show_url: Callable[[str], None] | None = None,
                timeout: float = 300.0, cancel: threading.Event | None = None,
                choose: ChooseFn | None = None,
                progress: ProgressFn | None = None) -> Account:
        """The browser sign-in (``siaran sign-in``, the window's "Sign in with the browser"):
        nothing is saved until it has completed; a cancel or a timeout leaves nothing behind."""
        import webbrowser

        given = dict(secrets or {})
        entry = self.registry.get(platform)
        adapter = entry.make_adapter()
        spec = entry.spec
        if not entry.connectable or not isinstance(adapter, Connectable):
            raise UserError(_("{platform} has no browser sign-in; use `siaran accounts add`",
                              platform=spec.name))
        self._check_name(name)
        needed = [f for f in spec.credentials if not f.secret and f.required and not f.by_sign_in
                  and f.default is None and not settings.get(f.name)]
        if needed:
            raise AccountError(_("{platform} needs: {fields}", platform=spec.name,
                                 fields=", ".join(_(f.label) for f in needed)))
        say = progress or (lambda line: None)
        say(_("Waiting for you to sign in to {platform} in the browser…", platform=spec.name))
        new_settings, tokens = adapter.connect(
            settings, given, choose=choose, open_browser=open_browser or webbrowser.open,
            show_url=show_url, timeout=timeout, cancel=cancel)
        if cancel is not None and cancel.is_set():
            from composer.core.oauth import SignInCancelled

            raise SignInCancelled(_("Sign-in cancelled"))
        all_settings = {**settings, **new_settings}
        all_secrets = {**given, **tokens}
        say(_("Signed in; asking {platform} whose account this is…", platform=spec.name))
        try:
            info = self.verify(platform, all_settings, all_secrets)
        except UserError:
            # The platform has just issued these tokens: a profile it cannot show now does not
            # undo the sign-in. The name shows once the account is checked again.
            info = None
        say(_("Saving the account…"))
        return self._save(name, platform, all_settings, all_secrets, info)

    def _save(self, name: str, platform: str, settings: Mapping[str, str],
              secrets: Mapping[str, str], info: AccountInfo | None) -> Account:
        spec = self.registry.get(platform).spec
        secret_names = {f.name for f in spec.credentials if f.secret}
        kept = {k: v for k, v in settings.items() if k not in secret_names and v not in (None, "")}
        hidden = {k: v for k, v in secrets.items() if v}
        return self.accounts.add(
            name, platform, kept, hidden,
            display_name=info.display_name if info else "", handle=info.handle if info else "",
            avatar_url=(info.avatar_url or "") if info else "")

    def refresh_profile(self, name: str) -> Account:
        """Ask the platform again whose account this is (name, handle, picture)."""
        info = self._engine().verify(name)
        self.accounts.update_profile(name, display_name=info.display_name, handle=info.handle,
                                     avatar_url=info.avatar_url or "")
        return self.accounts.get(name)

    # -- when sign-ins end -------------------------------------------------------------------

    def status(self, account: Account, now: float | None = None) -> SignInStatus:
        from composer.core.office import format_date, format_datetime

        now = time.time() if now is None else now
        ends = account.expires_at
        if _refreshes(account, self.registry):
            # A short access token renewed from the refresh token whenever it is needed.
            return SignInStatus(account.name, SignInState.RENEWS, ends,
                                _("Renewed by Siaran whenever needed"))
        if ends is None:
            return SignInStatus(account.name, SignInState.LASTING, None, "")
        office = self._office()
        moment = datetime.fromtimestamp(ends, UTC)
        when = format_datetime(moment, zone=office.zone)
        entry = self.registry.platforms.get(account.platform)
        # Renewal is tried a week ahead; one that still ends within the week was refused.
        renewable = entry is not None and entry.renewable and ends - now > WARN_AHEAD
        if ends <= now:
            return SignInStatus(account.name, SignInState.EXPIRED, ends, _(
                "The sign-in of {account} ended on {when}; sign in again",
                account=account.name, when=when))
        today = datetime.fromtimestamp(now, UTC).astimezone(office.tz).date()
        if moment.astimezone(office.tz).date() == today:
            return SignInStatus(account.name, SignInState.TODAY, ends, _(
                "The sign-in of {account} ends today at {when}; sign in again",
                account=account.name, when=when))
        if renewable:
            return SignInStatus(account.name, SignInState.RENEWS, ends, _(
                "Signed in until {when}; renewed by Siaran before it ends", when=when))
        if ends - now <= WARN_AHEAD:  # not renewable, or its renewal was refused
            return SignInStatus(account.name, SignInState.SOON, ends, _(
                "The sign-in of {account} ends on {day}; sign in again before then",
                account=account.name, day=format_date(moment, zone=office.zone)))
        return SignInStatus(account.name, SignInState.VALID, ends, _(
            "Signed in until {when}", when=when))

    def statuses(self, accounts: list[Account] | None = None,
                 now: float | None = None) -> dict[str, SignInStatus]:
        listed = self.accounts.list() if accounts is None else accounts
        return {a.name: self.status(a, now) for a in listed}

    def notices(self, accounts: list[Account] | None = None, now: float | None = None) -> list[str]:
        """The warnings to show: sign-ins ending within a week, today, or ended."""
        return [s.message for s in self.statuses(accounts, now).values() if s.warns]

    def renew_due(self, now: float | None = None) -> list[Renewal]:
        """Renew every renewable sign-in that ends within a week (a refresh-token one when its
        access token has ended). A refusal is reported, not raised: the account then warns."""
        now = time.time() if now is None else now
        out: list[Renewal] = []
        for account in self.accounts.list():
            entry = self.registry.platforms.get(account.platform)
            if entry is None or not entry.renewable or account.practice \
                    or account.expires_at is None:
                continue
            ahead = 0.0 if _refreshes(account, self.registry) else WARN_AHEAD
            if account.expires_at - now > ahead:
                continue
            renewal = self.renew(account.name)
            if not renewal.renewed:
                log.warning("%s", renewal.message)
            out.append(renewal)
        return out

    def renew(self, name: str) -> Renewal:
        """Renew one account's sign-in now."""
        from composer.core.adapters import AdapterError
        from composer.core.office import format_datetime

        engine = self._engine()
        account = self.accounts.get(name)
        adapter = self.registry.get(account.platform).make_adapter()
        if not isinstance(adapter, Renewable):
            return Renewal(name, False, account.expires_at,
                           _("{account} cannot be renewed; sign in again", account=name))
        try:
            with engine.session(name) as ctx:
                ends = adapter.renew(ctx)
        except AdapterError as exc:
            return Renewal(name, False, account.expires_at, _(
                "Could not renew the sign-in of {account}: {reason}", account=name,
                reason=exc.reason or type(exc).__name__))
        except UserError as exc:
            return Renewal(name, False, account.expires_at, _(
                "Could not renew the sign-in of {account}: {reason}", account=name, reason=exc))
        if ends is not None:
            self.accounts.update_secrets(name, {"expires_at": f"{ends:.0f}"})
            when = format_datetime(datetime.fromtimestamp(ends, UTC), zone=self._office().zone)
            return Renewal(name, True, ends, _("Renewed the sign-in of {account} until {when}",
                                               account=name, when=when))
        return Renewal(name, True, None, _("Renewed the sign-in of {account}", account=name))

    # -- pictures ----------------------------------------------------------------------------

    def avatar(self, url: str) -> Path | None:
        """The profile picture at ``url``, downloaded once into the cache (None when it cannot
        be had: no picture is no reason to bother the officer)."""
        import httpx

        if not url.startswith(("https://", "http://")):
            return None
        path = self.cache_dir / "avatars" / hashlib.sha256(url.encode()).hexdigest()
        if path.exists():
            return path
        try:
            response = httpx.get(url, timeout=10, follow_redirects=True)
        except httpx.HTTPError:
            return None
        kind = response.headers.get("content-type", "")
        if response.status_code != 200 or not kind.startswith("image/") \
                or len(response.content) > AVATAR_BYTES:
            return None
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        tmp.write_bytes(response.content)
        tmp.replace(path)
        return path


def _refreshes(account: Account, registry: Registry) -> bool:
    """Renewed from a refresh token on use (X, YouTube, LinkedIn partners)."""
    entry = registry.platforms.get(account.platform)
    return entry is not None and entry.renewable and "refresh_token" in account.secret_fields
