"""Text: cleaning, sentences and boilerplate, the one tokenizer (normalize), and figures."""
