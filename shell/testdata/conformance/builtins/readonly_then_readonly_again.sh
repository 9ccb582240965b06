readonly R=1
readonly R=2
echo not reached
