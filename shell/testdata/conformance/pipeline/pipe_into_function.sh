upper() { tr a-z A-Z; }
echo shout | upper
