"""One suite in several processes or on several machines: workers, shards, and the merge that
makes them one run."""
