"""The regional centres' pages, one module a topic: `centres` (the public list and a centre's page, the centre's
own workspace and the base of its pages, the Secretariat's overview), `work_plans`, `reports` (activity reports
and their review), `feedback` (Parties' feedback), `evaluations` (the score sheet) and `endorsements`
(nominations, the COP's decisions on them, renewals). The URLconfs name each view by its module."""
