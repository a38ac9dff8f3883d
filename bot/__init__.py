"""The runtime: starting the servers (servers.py, channels/launch.py), the
channels (channels/), the tracker store that redacts (tracker_store.py),
training and evaluating the model, and the command-line tools (privacy,
catalogus, shell, bench, oefengroep). May use `actions` and `gedeeld`;
neither imports `bot`."""
