"""Excel workbooks: the members template and import, questionnaires per member, the application export.

safety       opening a workbook someone sent without trusting it (one XlsxFileError with a Polish message)
cells        one cell -> the typed value of a column (Polish numbers, dates, tak/nie, list labels)
headers      the headers we write; finding and matching the header row of a sheet people send
model        what was read: rows, per-cell problems
plan         what an import does to the register; writing it with provenance in one transaction
members_import / members_template / questionnaires / workbook   the features
writer / validation   shared by every writer: styles, widths, formula-safe cells, drop-down lists
"""
