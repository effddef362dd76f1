"""Sound in the app: the Qt player adapter, transport, audition, export and drag-out."""
