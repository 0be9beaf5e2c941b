"""Write operations of the internships app, one module per workflow (STYLE.md §2)."""
