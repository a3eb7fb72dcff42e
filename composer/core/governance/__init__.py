"""Governance beyond the rule book: signed approvals that bind what goes out, the sign-off
sheet, the audit trail (docs/governance.md). The rule book's gov.* checks live in
composer.core.checks.gov."""
