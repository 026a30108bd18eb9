"""Claims: clauses of each sentence, their speakers and the names they give, and each claim's
coverage by the other source."""
