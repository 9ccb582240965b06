exec nonexistent_zz
echo not reached
