from nkreader.cli import main

raise SystemExit(main())
