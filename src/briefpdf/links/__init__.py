"""Link checking: find out whether the URLs a briefing links to still work."""
