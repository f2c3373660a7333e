"""The Today section: what to do now, each list with its count (services/today.py)."""
