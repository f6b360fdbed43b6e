"""What a TIS actor does and checks, in page-map names."""
