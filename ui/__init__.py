"""Lavka user interfaces: the Qt window and the command line."""
