"""A demo newsroom to fill a fresh site: invented stories in three languages."""
