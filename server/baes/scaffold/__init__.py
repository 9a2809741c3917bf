"""scaffold package of baes."""
