"""Stage 4, render: flowables become a PDF document (ReportLab)."""
