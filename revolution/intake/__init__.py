"""A teacher's own text into the data: the file checked, its Korean read by a morphological analyser
(Kiwi), its numbers and dates proposed as rows, staged for review and written in one checked step. It may
import `data` and `views`; nothing in `data`, `views` or `exports` imports it."""
