"""`newsfuse serve`: a local web app over the story database (stories, briefs, articles, search, feeds)."""
