import sys

from polypick.cli import main

sys.exit(main())
