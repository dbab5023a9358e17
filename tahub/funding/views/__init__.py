"""The proposal and money pages, one module a topic: `proposals` (the public list and page, the concept note;
drafting, editing, reviewing and publishing), `contributions` (the public table per activity), `trust_funds`
(the public money per trust fund), `donors`, `pledges` (a donor's own pledges, the Secretariat's money and one
pledge) and `entries` (correcting or voiding a commitment or receipt). The URLconfs name each view by its
module."""
