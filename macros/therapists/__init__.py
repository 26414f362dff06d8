"""For therapists: concerns (concerns.py), the hub's index and pairings (hub.py), handout packets (packets.py)."""
