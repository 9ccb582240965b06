eval 'echo ('
echo not reached
