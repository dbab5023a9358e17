"""The planning pages, one module a topic: `decisions` (the COP decisions, a decision), `mandates` (the mandate
coverage; the staff's entry of a decision paragraph's text), `plans` (the plans, a plan; the staff's forms for a
plan with its objectives and for a biennium) and `programme` (the programme of work, an activity; the staff's
activity form): public and staff pages of a topic together. The URLconfs name each view by its module."""
