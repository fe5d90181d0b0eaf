"""The one error a broken data file raises: it names the file, the row, the column and the problem."""

from __future__ import annotations


class DataError(Exception):
    """A problem in a data file, located as precisely as the problem allows."""

    def __init__(self, file: str, row: int | None, column: str | None, problem: str):
        self.file, self.row, self.column, self.problem = file, row, column, problem
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        return ", ".join(where) + f": {self.problem}"
