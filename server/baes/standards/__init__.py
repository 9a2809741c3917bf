"""standards package of baes."""
