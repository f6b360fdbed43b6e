"""What an MGD actor does and checks, in page-map names only."""
