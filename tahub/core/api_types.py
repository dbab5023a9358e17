"""Constrained parameter types shared by the API routers.

Codes and search text admit no control characters (PostgreSQL refuses NUL in a string), so a bad value gets a
clear 422 instead of reaching the database.
"""

from typing import Annotated

from ninja import Field

Code = Annotated[str, Field(max_length=60, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
SearchText = Annotated[str, Field(max_length=100, pattern=r"^[^\x00-\x1f\x7f]*$")]
