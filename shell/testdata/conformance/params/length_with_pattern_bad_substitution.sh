x=abc
echo ${#x#a}
echo not reached
