"""Reader stage: web pages and Word files → a :class:`~policyparse.readers.reading.Reading` (blocks of text)."""
