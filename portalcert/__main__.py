import sys

from portalcert.cli import main

sys.exit(main())
