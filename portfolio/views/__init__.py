"""Views of the portfolio: thin, one service per state change."""
