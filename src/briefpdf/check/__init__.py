"""`briefpdf check`: is a briefing safe and fit to publish?

Three kinds of finding, one module each: ``personal`` (data that could identify the
child, adult or family a review is about), ``plain`` (plain English) and ``access``
(accessible wording and type sizes). ``runner`` walks every text of a loaded briefing
with its position in the file and asks each module; ``report`` turns the findings into
the lines and the JSON that `briefpdf check` prints. See docs/check.md.

Nothing here renders anything: the check runs on a loaded briefing, so `build`,
`check` and the preview page share it.
"""
