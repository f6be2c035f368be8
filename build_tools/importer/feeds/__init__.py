"""Reading Open Referral UK feeds: ORUK 3.0 and ORUK 1.0 / Outpost services,
their records, values, venues, times and Local Offer survey answers, converted to entries.

May import: importer's own modules below it, and the rooms below importer.
"""
