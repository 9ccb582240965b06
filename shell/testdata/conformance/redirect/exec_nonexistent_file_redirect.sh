exec 3< nonexistent
echo not reached
