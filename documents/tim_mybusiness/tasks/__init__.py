"""What a myBusiness actor does and checks, in page-map names."""
