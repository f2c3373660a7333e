"""Search for everything (Ctrl+K): one field over contacts, companies, orders and products."""
