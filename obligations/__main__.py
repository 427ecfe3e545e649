from obligations.cli import main

raise SystemExit(main())
