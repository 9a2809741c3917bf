"""core package of baes."""
