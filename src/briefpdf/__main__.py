"""Allow ``python -m briefpdf``."""

from briefpdf.cli import run

run()
