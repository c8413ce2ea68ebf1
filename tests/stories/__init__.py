"""Tests of 'you said, we did' stories."""
