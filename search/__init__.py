"""Search: the query, ranking, synonyms, best bets, suggestions and the search terms report."""
