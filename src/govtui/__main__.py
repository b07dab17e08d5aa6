"""``python -m govtui``: the same as the ``govtui`` command."""

from govtui.cli import main

raise SystemExit(main())
