"""Governance in the window: the findings panel (rule and fix), the Governance settings, the
approval flow (request, import, state), the crisis hold button and banner, the audit view. The
core decides everything (composer.core.checks.gov, composer.core.governance); these only show
and ask."""
