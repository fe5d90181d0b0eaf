"""The data: the tables loaded and checked against the schema, their vocabularies and calendars, and the
sentences every row leads back to."""
