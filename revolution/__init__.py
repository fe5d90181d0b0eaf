"""The Russian Revolution as data: loading, calendars, filters, figures and export, free of any UI."""
