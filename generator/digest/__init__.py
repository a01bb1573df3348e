"""A story as data: its schema, reading YAML into it with located errors, the actor
register, one actor under two ids, the source's words checked, and editing digests."""
