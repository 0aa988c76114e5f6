"""`newsfuse follow`: poll RSS/Atom feeds over HTTP(S) and ingest their articles into the story database."""
