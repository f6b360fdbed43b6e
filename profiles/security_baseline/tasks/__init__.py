"""What the security baseline does and checks, through the flows of the document under test."""
