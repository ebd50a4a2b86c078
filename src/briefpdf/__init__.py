"""briefpdf: structured briefing data (YAML) in, branded, printable, accessible PDF out.

The pipeline, one package per stage:

    load     YAML text -> plain data with a position for every node
    model    plain data -> validated, typed models (pydantic)
    compose  model + style -> flowables that know their semantic role
    render   flowables -> a PDF document (ReportLab)
    finish   tagging and metadata (as ReportLab writes), packs, imposition (pypdf)
"""

__version__ = "0.1.0"
