"""What the profile's actor does (walk other documents' flows, scan pages) and checks."""
