"""`briefpdf schema briefing|style|pack`: JSON Schema for editors."""

from __future__ import annotations

import argparse
import json


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("schema", help="print the JSON Schema of a file kind",
                       description="Print a JSON Schema, for editor autocompletion "
                                   "(e.g. the YAML extension's yaml.schemas setting).")
    p.add_argument("kind", choices=("briefing", "style", "pack"))
    return p


def run(args: argparse.Namespace) -> int:
    from briefpdf.model.briefing import Briefing
    from briefpdf.model.pack import Pack
    from briefpdf.model.style import Style
    from briefpdf.model.validate import adapter

    model = {"briefing": Briefing, "style": Style, "pack": Pack}[args.kind]
    schema = adapter(model).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"briefpdf {args.kind} file"
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return 0
