"""The Qt front end. Imports PySide6; nothing below it (core, io) may."""
