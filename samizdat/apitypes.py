"""Types the JSON API's schemas share."""

from typing import Annotated

from ninja import Schema
from pydantic import Field

# Ids are signed 64-bit integers in every database we run on. A bigger number is no id and
# is refused before it reaches a query (SQLite raises OverflowError on it: a 500).
MAX_ID = 2**63 - 1
Id = Annotated[int, Field(gt=0, le=MAX_ID)]


class Error(Schema):
    """Every refusal: a message in the reader's language, and a code for scripts."""

    error: str
    code: str
