"""Request and response models of the spreadsheet imports (docs/api.md#imports).

The upload itself is ``multipart/form-data`` (``file``, ``sheet``, ``columns``, ``dry_run``):
:class:`ImportForm` reads those fields once Flask has parsed the form."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class ImportQuery(BaseModel):
    model_config = ConfigDict(extra="ignore")

    format: Literal["json", "xlsx", "csv"] = Field(
        default="json",
        description="json: the summary; xlsx or csv: the error report (the rows not accepted, "
        "as in the file, with Row and Reason)",
    )


class ImportForm(BaseModel):
    """The form fields besides ``file``."""

    model_config = ConfigDict(extra="ignore")

    sheet: str | None = Field(default=None, min_length=1, max_length=200)
    columns: dict[str, str] | None = Field(
        default=None, description="role -> header (links: child, parent; bills: parent, bill)"
    )
    dry_run: bool = True


class ImportRefusalOut(BaseModel):
    row: int = Field(description="the sheet's own row number (the header's is 1 or more)")
    values: dict[str, str]
    reason: str
    message: str


class ImportEventsOut(BaseModel):
    accepted: int
    duplicate: int
    conflict: int
    rejected: int


class ImportOut(BaseModel):
    """What the sheet did (or, in a dry run, would do): ``rows`` = ``accepted`` +
    ``duplicates`` + ``refused``; ``refusals`` lists the first 1000 rows not accepted."""

    dry_run: bool
    kind: Literal["links", "bills"]
    sheet: str
    sheets: list[str]
    columns: dict[str, str]
    rows: int
    accepted: int
    duplicates: int
    refused: int
    by_reason: dict[str, int]
    refusals: list[ImportRefusalOut]
    events: ImportEventsOut | None = Field(
        default=None, description="the events sent to ingest, by outcome (not in a dry run)"
    )


class ColumnsUnknownOut(BaseModel):
    """422 ``columns_unknown``: the operator picks the columns (and perhaps the sheet)."""

    code: Literal["columns_unknown"]
    message: str
    sheets: list[str]
    sheet: str
    headers: list[str]
    needed: list[str]
    guess: dict[str, str | None]
