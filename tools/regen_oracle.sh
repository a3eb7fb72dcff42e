#!/bin/sh
# Regenerates the expected values the text tests compare with, from the official JavaScript
# libraries: tests/data/bluesky-richtext/cases.json (@atproto/api RichText) and
# tests/data/twitter-text/js-cases.json (twitter-text parseTweet). Run by hand when a library
# releases (needs Node.js >= 20 and npm); CI only reads the files it writes. The versions that
# answered are written into each file ("versions"), so a diff shows what moved.
#
#   tools/regen_oracle.sh && git diff --stat tests/data
set -eu

# Pinned: bump deliberately, then fix the Python port until the tests agree again.
ATPROTO_API=0.21.0
TWITTER_TEXT=3.1.0
TLDS=1.261.0  # @atproto/api asks for ^1.234.0; pinned so the list matches _bluesky_tlds.py

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp "$here/js_oracle/oracle.mjs" "$work/"
(
  cd "$work"
  npm init -y >/dev/null
  npm install --silent --no-audit --no-fund --ignore-scripts --save-exact \
    "@atproto/api@$ATPROTO_API" "twitter-text@$TWITTER_TEXT" "tlds@$TLDS"
)
python3 "$here/js_oracle/make_cases.py" "$work/oracle.mjs"
