. ./nonexistent_file
echo not reached
