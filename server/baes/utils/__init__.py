"""utils package of baes."""
