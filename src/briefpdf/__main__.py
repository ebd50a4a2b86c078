"""Allow ``python -m briefpdf``."""

from briefpdf.cli import main

raise SystemExit(main())
