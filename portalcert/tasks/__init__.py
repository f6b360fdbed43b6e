"""The task layer: what an actor does on a portal, in page-map names, for any engine.

One module per area of a document; steps call these functions and nothing else.
"""
