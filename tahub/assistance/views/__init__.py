"""The pages of technical assistance requests, one module a topic: `requests` (a Party's "our requests", a
provider's "assigned to us", the Secretariat's queue, a request's page and the moves taken on it, its programme
activity, its attachments), `filing` (a new draft and its edits), `delivery` (delivery reports and their
correction) and `statistics` (the public statistics). The URLconf names each view by its module."""
