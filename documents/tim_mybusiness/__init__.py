"""TIM myBusiness: access profiles, the profile x function matrix, Consistenze (tim-mybusiness)."""
