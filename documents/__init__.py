"""Document packages: one folder per transcribed portal guide (features, steps, tasks, data set, page-map contract and its simulator portal)."""
