# Django's own Arabic formats write 1190000,00 (no grouping, a comma for decimals); Unicode CLDR's Arabic, in the
# Latin digits it uses by default for "ar" (as babel 2.x reads it), writes 1,190,000.00. Only what differs is here:
# Django takes every other format from its own module.
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
