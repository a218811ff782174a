"""Test-wide environment: settings that would change every snapshot are removed first."""

from __future__ import annotations

import os

# NO_COLOR is read per App and TEXTUAL_THEME when textual is imported; both recolour the SVGs.
for _name in ("NO_COLOR", "TEXTUAL_THEME"):
    os.environ.pop(_name, None)
