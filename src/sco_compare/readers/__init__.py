"""Readers: the only stage that reads sources. A source's bytes are read, decoded and told
apart (text, HTML, Markdown); HTML and Markdown are reduced to their prose."""
