"""What the profile does (walk the flows of the document under test, scan its pages) and checks."""
