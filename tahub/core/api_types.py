"""Constrained parameter types shared by the API routers.

Codes and search text admit no control characters (PostgreSQL refuses NUL in a string), so a bad value gets a
clear 422 instead of reaching the database.
"""

from typing import Annotated

from ninja import Field

Code = Annotated[str, Field(max_length=60, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
SearchText = Annotated[str, Field(max_length=100, pattern=r"^[^\x00-\x1f\x7f]*$")]
# A private-link token (secrets.token_urlsafe) and a database id within a 32-bit integer.
Token = Annotated[str, Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
Id = Annotated[int, Field(ge=1, le=2_147_483_647)]
