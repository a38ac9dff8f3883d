"""Runtime glue: settings, model building, servers and the command line."""
