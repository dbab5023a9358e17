# Django's own Simplified Chinese formats do not group digits (1190000.00); Unicode CLDR's zh-Hans writes
# 1,190,000.00. Only what differs is here: Django takes every other format from its own module.
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
