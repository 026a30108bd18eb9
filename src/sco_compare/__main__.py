"""python -m sco_compare"""

from sco_compare.cli import main

main()
