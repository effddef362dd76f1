"""The application shell: app start-up, main window, settings, preferences, theme and dialogs."""
