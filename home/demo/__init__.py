"""A fictional partnership's demo hub, written from the facts of the partnership's papers."""
