"""What an actor of the Telekom business login document does and checks, in page-map names only."""
