"""Tests of the TIM Impresa Semplice package: its data set and its simulator portal."""
