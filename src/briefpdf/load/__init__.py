"""Stage 1, load: read YAML files safely, keeping the position of every node."""

from briefpdf.load.yaml_source import Limits, Source, load_yaml

__all__ = ["Limits", "Source", "load_yaml"]
