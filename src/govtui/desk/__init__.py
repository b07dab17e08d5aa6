"""The collecting office's desk (收报台): a roster, every unit's report, the office's decisions.

``collection`` finds and reads the reports and matches them to units (with last year's),
``status`` judges a unit and reviews its findings, ``indicators`` measures, ``ledger`` keeps
the office's decisions, ``decisions`` makes them, ``board`` puts it all together, ``data`` is
its JSON, ``summing`` writes the sum, ``cache`` makes a second look cheap.
"""
