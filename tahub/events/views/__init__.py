"""The events' pages, one module a topic: `events` (the calendar, its feed, an event; the staff's list, editing,
publishing and cancelling), `registrations` (open registration; the staff's nomination list, decisions and
attendance), `nominations` (a Party's nominations and their letters), `materials` (adding, removing and
downloading them), `participation` (the participant's page by private link, the certificate) and `surveys`
(answering them; the results). The URLconfs name each view by its module."""
