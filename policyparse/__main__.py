"""``python -m policyparse``: the command line."""

from policyparse._launch import main

main()
